package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.localstack.VigieService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A SIEM that retries: Splunk delivers the same webhook alert five times (its answer got lost, say), one after the
 * other or all at once. Vigie must take it once: one AlertRaised, one incident, one notice per contact.
 */
@ExtendWith(VigieSystemExtension.class)
class DuplicateWebhookIT {

    private static final Duration STEP = Duration.ofSeconds(90);

    private static VigieSystem system;

    @BeforeAll
    static void connect(VigieSystem vigie) {
        system = vigie;
    }

    @Test
    void shouldPublishOneAlertOpenOneIncidentAndSendOneNoticePerContactWhenAWebhookIsDeliveredFiveTimes() {
        // given
        VigieSystem.Client client = system.newClient("retail", "vpn-{id}.retail.example", "HIGH", "[\"CREDENTIALS\"]");
        String sid = "scheduler__admin__search__RMD5dup_at_" + System.currentTimeMillis() + ".4242";

        // when the same delivery arrives five times
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int delivery = 0; delivery < 5; delivery++) {
            answers.add(system.postSplunk("Access - Account locked out - Rule", client.asset(), "m.roux", sid));
        }

        // then the first is published, the four others are acknowledged as repeats of it
        assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(202);
        JsonNode first = VigieSystem.parse(answers.get(0).body());
        UUID alertId = UUID.fromString(first.get("alertId").asText());
        assertThat(first.get("duplicate").asBoolean()).isFalse();
        for (HttpResponse<String> repeat : answers.subList(1, 5)) {
            assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(200);
            JsonNode body = VigieSystem.parse(repeat.body());
            assertThat(body.get("duplicate").asBoolean()).isTrue();
            assertThat(body.get("alertId").asText()).isEqualTo(alertId.toString());
        }

        // and each contact gets one notice, once the incident is handled
        await().atMost(STEP).untilAsserted(() -> {
            assertThat(system.emailsTo(client.frenchContact(), "")).hasSize(1);
            assertThat(system.emailsTo(client.englishContact(), "")).hasSize(1);
        });
        await().atMost(STEP).until(() -> system.pipelineLag() == 0);
        Map<UUID, UUID> incidents = PipelineAccount.assertBalanced(system, List.of(alertId));
        assertThat(system.casesOf(client)).hasSize(1);
        assertThat(system.casesOf(client).get(0).get("id").asText()).isEqualTo(incidents.get(alertId).toString());
        JsonNode notices = system.get(VigieService.NOTIFICATION, "/api/incidents/" + incidents.get(alertId) + "/notices");
        assertThat(notices).as("notices of the incident").hasSize(1);
        assertThat(system.emailsTo(client.frenchContact(), "")).hasSize(1);
        assertThat(system.emailsTo(client.englishContact(), "")).hasSize(1);
    }

    @Test
    void shouldTakeAWebhookOnceWhenItsFiveDeliveriesArriveAtTheSameTime() throws Exception {
        // given
        VigieSystem.Client client = system.newClient("insurer", "vpn-{id}.insurer.example", "HIGH", "[\"CREDENTIALS\"]");
        String sid = "scheduler__admin__search__RMD5race_at_" + System.currentTimeMillis() + ".4343";

        // when five deliveries of it race each other
        List<HttpResponse<String>> answers = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sending = new ArrayList<>();
            for (int delivery = 0; delivery < 5; delivery++) {
                sending.add(senders.submit(() -> {
                    start.await();
                    return system.postSplunk("Access - Account locked out - Rule", client.asset(), "c.blanc", sid);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : sending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            senders.shutdownNow();
        }

        // then every delivery is acknowledged with the same alert id, and exactly one of them published it
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isIn(200, 202));
        assertThat(answers.stream().map(answer -> VigieSystem.parse(answer.body()).get("alertId").asText()).distinct())
                .hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 202)).hasSize(1);
        UUID alertId = UUID.fromString(VigieSystem.parse(answers.get(0).body()).get("alertId").asText());
        await().atMost(STEP).untilAsserted(() -> {
            assertThat(system.emailsTo(client.frenchContact(), "")).hasSize(1);
            assertThat(system.emailsTo(client.englishContact(), "")).hasSize(1);
        });
        await().atMost(STEP).until(() -> system.pipelineLag() == 0);
        PipelineAccount.assertBalanced(system, List.of(alertId));
        assertThat(system.casesOf(client)).hasSize(1);
        assertThat(system.emailsTo(client.frenchContact(), "")).hasSize(1);
        assertThat(system.emailsTo(client.englishContact(), "")).hasSize(1);
    }
}
