package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.localstack.VigieService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An alert source can only speak for the clients it is bound to. The local stack's Splunk source is SOC-wide (bound to
 * no client): an alert from it about a host the inventory does not know, naming a client in its {@code client} field,
 * makes that client a suggestion on the case, not a recipient. Nothing reaches the client until an analyst confirms.
 */
@ExtendWith(VigieSystemExtension.class)
class SuggestedClientIT {

    private static final Duration STEP = Duration.ofSeconds(90);

    private static VigieSystem system;

    @BeforeAll
    static void connect(VigieSystem vigie) {
        system = vigie;
    }

    @Test
    void shouldNotifyAClientNamedOnlyByAnUnboundSourceOnceAnAnalystConfirmsIt() throws Exception {
        // given a client of the SOC, and an alert from the unbound Splunk source about a host nobody registered
        VigieSystem.Client client = system.newClient("named", "srv-{id}.named.example", "HIGH", "[\"CREDENTIALS\"]");
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8) + ".unknown.example";
        HttpResponse<String> accepted = system.postSplunk("Access - Account locked out - Rule", ghost, "p.nobody",
                "scheduler__admin__search__RMD5ghost_at_" + System.nanoTime(),
                Map.of("client", client.id(), "signature", "Call +1 555 0100 now"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        UUID alertId = UUID.fromString(VigieSystem.parse(accepted.body()).get("alertId").asText());

        // then the case shows the client as a suggestion, and the client has been told nothing
        UUID incident = await().atMost(STEP).until(() -> PipelineAccount.assertBalanced(system, List.of(alertId))
                .get(alertId), id -> id != null);
        JsonNode theCase = await().atMost(STEP).until(() -> system.get(VigieService.CASE, "/api/cases/" + incident),
                node -> node != null && node.toString().contains(client.id()));
        assertThat(theCase.get("suggestedClients").toString()).contains(client.id());
        assertThat(theCase.get("clients").toString()).doesNotContain(client.id());
        assertThat(system.emailsTo(client.frenchContact(), "")).isEmpty();
        assertThat(system.emailsTo(client.englishContact(), "")).isEmpty();

        // when an analyst confirms it, each contact gets the first notice, in their language, and only then
        Instant confirmedAt = Instant.now().minusSeconds(1);
        HttpResponse<String> confirmed = system.call("POST", VigieService.CASE,
                "/api/cases/" + incident + "/clients/" + client.id() + "/confirm", "analyst", "{}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        await().atMost(STEP).untilAsserted(() -> {
            assertThat(system.emailsTo(client.frenchContact(), "Incident de sécurité")).hasSize(1);
            assertThat(system.emailsTo(client.englishContact(), "Security incident")).hasSize(1);
        });
        MimeMessage english = system.emailsTo(client.englishContact(), "").get(0);
        assertThat(english.getSentDate().toInstant()).isAfterOrEqualTo(confirmedAt.minusSeconds(1));
        assertThat(VigieSystem.text(english)).contains("Dear Sam Green")
                .doesNotContain(ghost, "+1 555 0100", "Access - ", "splunk");
        assertThat(PipelineAccount.assertBalanced(system, List.of(alertId))).containsEntry(alertId, incident);
    }
}
