package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.localstack.VigieService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client whose account-compromise notices a communications user reads before they go out (its review gate, 30
 * minutes): the notice waits, the ops dashboard's case shows it with the time it would go out by itself, and the user
 * approves it from case-service with a sentence per language; then each contact gets it, with the sentence of its
 * language only.
 */
@ExtendWith(VigieSystemExtension.class)
class ReviewGateEndToEndIT {

    private static final Duration STEP = Duration.ofSeconds(90);

    private static VigieSystem system;

    @BeforeAll
    static void connect(VigieSystem vigie) {
        system = vigie;
    }

    @Test
    void shouldHoldTheNoticeUntilACommunicationsUserApprovesItFromTheCase() throws Exception {
        VigieSystem.Client client = system.newClient("gated", "vpn-{id}.gated.example", "HIGH", "[\"CREDENTIALS\"]");
        HttpResponse<String> gated = system.call("PUT", VigieService.NOTIFICATION, "/api/clients/" + client.id(),
                "comms", """
                {"name": "%s", "minimumSeverity": "MEDIUM", "channels": ["EMAIL"], "outOfBand": false,
                 "reviewGate": [{"categories": ["ACCOUNT_COMPROMISE"], "hold": "30m"}],
                 "contacts": [
                   {"id": "rssi", "name": "Claire Dubois", "role": "RSSI", "email": "%s", "language": "fr"},
                   {"id": "it", "name": "Sam Green", "role": "IT manager", "email": "%s", "language": "en"}]}
                """.formatted(client.id(), client.frenchContact(), client.englishContact()));
        assertThat(gated.statusCode()).as(gated.body()).isEqualTo(200);

        HttpResponse<String> accepted = system.postSplunk("Access - Account locked out - Rule", client.asset(),
                "c.held", "scheduler__admin__search__RMD5held_at_" + System.nanoTime());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        UUID alertId = UUID.fromString(VigieSystem.parse(accepted.body()).get("alertId").asText());

        // the case shows the notice waiting for review, with when it would go out by itself; nobody got it
        UUID incident = await().atMost(STEP).until(() -> PipelineAccount.assertBalanced(system, List.of(alertId))
                .get(alertId), id -> id != null);
        JsonNode held = await().atMost(STEP).until(() -> system.get(VigieService.CASE, "/api/cases/" + incident),
                node -> node != null && node.path("heldNotices").size() == 1).get("heldNotices").get(0);
        assertThat(held.get("clientId").asText()).isEqualTo(client.id());
        assertThat(Instant.parse(held.get("heldUntil").asText())).isAfter(Instant.now().plus(Duration.ofMinutes(25)));
        assertThat(system.emailsTo(client.frenchContact(), "")).isEmpty();
        assertThat(system.emailsTo(client.englishContact(), "")).isEmpty();

        // an analyst may not approve it; a communications user does, with a sentence for each language
        String approval = """
                {"clientMessages": {"fr": "Votre administrateur a déjà été prévenu par téléphone.",
                                    "en": "Your administrator was already told by phone."}}""";
        String path = "/api/cases/" + incident + "/notices/" + held.get("noticeId").asText() + "/approval";
        assertThat(system.call("POST", VigieService.CASE, path, "analyst", approval).statusCode()).isEqualTo(403);
        HttpResponse<String> approved = system.call("POST", VigieService.CASE, path, "comms", approval);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        await().atMost(STEP).untilAsserted(() -> {
            assertThat(system.emailsTo(client.frenchContact(), "Incident de sécurité")).hasSize(1);
            assertThat(system.emailsTo(client.englishContact(), "Security incident")).hasSize(1);
        });
        assertThat(VigieSystem.text(system.emailsTo(client.frenchContact(), "").get(0)))
                .contains("Votre administrateur a déjà été prévenu par téléphone.").doesNotContain("Your administrator");
        assertThat(VigieSystem.text(system.emailsTo(client.englishContact(), "").get(0)))
                .contains("Your administrator was already told by phone.").doesNotContain("Votre administrateur");
        assertThat(PipelineAccount.assertBalanced(system, List.of(alertId))).containsEntry(alertId, incident);
    }
}
