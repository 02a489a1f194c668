package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.localstack.VigieService;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client's side of the conversation across the five services and the real mailbox (GreenMail SMTP and IMAP): a
 * contact replies to a notice by email and the reply lands on the right case, without the quoted notice or the
 * signature; another client's contact using that reply address is quarantined and lands nowhere; a communications user
 * answers from the case and the answer reaches the contact threaded with their email; the contact's status page shows
 * their own client's incident and not another client's, even with the other incident's address.
 */
@ExtendWith(VigieSystemExtension.class)
class ClientConversationEndToEndIT {

    private static final Duration STEP = Duration.ofSeconds(90);
    private static final Pattern STATUS_LINK = Pattern.compile("https?://\\S+/status\\?t=[A-Za-z0-9._-]+");

    private static VigieSystem system;

    @BeforeAll
    static void connect(VigieSystem vigie) {
        system = vigie;
    }

    @Test
    void shouldPutAnEmailedReplyOnItsCaseQuarantineAForgedOneAndSendTheAnswerThreaded() throws Exception {
        VigieSystem.Client client = system.newClient("talk", "vpn-{id}.talk.example", "HIGH", "[\"CREDENTIALS\"]");
        VigieSystem.Client other = system.newClient("other", "vpn-{id}.other.example", "HIGH", "[\"CREDENTIALS\"]");
        UUID incident = incidentOf(client);
        UUID otherIncident = incidentOf(other);
        MimeMessage englishNotice = await().atMost(STEP).until(() -> system.emailsTo(client.englishContact(),
                "Security incident"), found -> found.size() == 1).get(0);
        MimeMessage frenchNotice = system.emailsTo(client.frenchContact(), "Incident de sécurité").get(0);

        // the English contact answers from their mail program; another client's contact tries the French one's address
        system.stack().replyAsClient(englishNotice, "Should we reset every VPN password, or only this one?"
                + "\n\n-- \nSam Green\nIT manager");
        system.stack().replyAs(frenchNotice, other.frenchContact(), "Merci d'envoyer les journaux complets.");

        JsonNode question = await().atMost(STEP).until(() -> system.get(VigieService.CASE, "/api/cases/" + incident)
                .get("clientQuestions"), questions -> questions.size() == 1).get(0);
        assertThat(question.get("contactId").asText()).isEqualTo("it");
        assertThat(question.get("via").asText()).isEqualTo("EMAIL_REPLY");
        assertThat(question.get("text").asText()).isEqualTo("Should we reset every VPN password, or only this one?");
        assertThat(question.get("evidenceSha256").asText()).hasSize(64);
        assertThat(question.get("state").asText()).isEqualTo("UNANSWERED");
        JsonNode forged = await().atMost(STEP).until(() -> quarantinedFrom(other.frenchContact()), found -> found != null);
        assertThat(forged.get("reason").asText()).isEqualTo("SENDER_MISMATCH");
        assertThat(system.get(VigieService.CASE, "/api/cases/" + incident).get("clientQuestions")).hasSize(1);
        assertThat(system.get(VigieService.CASE, "/api/cases/" + otherIncident).get("clientQuestions")).isEmpty();

        // a communications user answers from the case, in the contact's language
        String answer = "Only this account: its password was reset with its owner. The others need nothing.";
        String path = "/api/cases/" + incident + "/messages/" + question.get("messageId").asText() + "/answer";
        assertThat(system.call("POST", VigieService.CASE, path, "viewer", "{\"text\": \"x\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> answered = system.call("POST", VigieService.CASE, path, "comms",
                VigieSystem.toJson(Map.of("text", answer)));
        assertThat(answered.statusCode()).as(answered.body()).isIn(200, 201);

        MimeMessage sent = await().atMost(STEP).until(() -> system.emailsTo(client.englishContact(), "Answer:"),
                found -> found.size() == 1).get(0);
        assertThat(VigieSystem.text(sent)).contains(answer, "Should we reset every VPN password, or only this one?");
        String noticeId = englishNotice.getMessageID();
        MimeMessage reply = system.stack().receivedMessages().stream()
                .filter(message -> header(message, "In-Reply-To").equals(noticeId) && !message.equals(sent))
                .findFirst().orElseThrow();
        assertThat(header(sent, "In-Reply-To")).isEqualTo(reply.getMessageID());
        assertThat(header(sent, "References")).contains(englishNotice.getMessageID(), reply.getMessageID());
        assertThat(system.emailsTo(client.frenchContact(), "Réponse")).isEmpty();
        await().atMost(STEP).untilAsserted(() -> assertThat(system.get(VigieService.CASE, "/api/cases/" + incident)
                .get("clientQuestions").get(0).get("state").asText()).isEqualTo("ANSWERED"));

        // the status page of the English contact: their client's incident, not the other client's
        Matcher link = STATUS_LINK.matcher(VigieSystem.text(englishNotice));
        assertThat(link.find()).isTrue();
        String reference = incident.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String otherReference = otherIncident.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        HttpResponse<String> own = system.getAnonymous(link.group());
        HttpResponse<String> foreign = system.getAnonymous(link.group().replace("/status?",
                "/status/incidents/" + otherIncident + "?"));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(reference).doesNotContain(otherReference);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(otherReference).doesNotContain(other.id());
    }

    private static UUID incidentOf(VigieSystem.Client client) {
        HttpResponse<String> accepted = system.postSplunk("Access - Account locked out - Rule", client.asset(),
                "j.talk", "scheduler__admin__search__RMD5talk_at_" + System.nanoTime());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        UUID alertId = UUID.fromString(VigieSystem.parse(accepted.body()).get("alertId").asText());
        return await().atMost(STEP).until(() -> PipelineAccount.assertBalanced(system, List.of(alertId))
                .get(alertId), id -> id != null);
    }

    private static JsonNode quarantinedFrom(String address) {
        // The clients' own mails: communications users only.
        JsonNode quarantine = VigieSystem.json(system.call("GET", VigieService.NOTIFICATION, "/api/replies/quarantine",
                "comms", null));
        for (JsonNode waiting : quarantine) {
            if (waiting.path("from").asText().contains(address)) {
                return waiting;
            }
        }
        return null;
    }

    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, " ");
            return value == null ? "" : value;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
