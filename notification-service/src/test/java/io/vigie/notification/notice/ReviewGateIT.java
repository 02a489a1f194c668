package io.vigie.notification.notice;

import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.directory.ReviewGate;
import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.internal.NoticeWriter;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client whose CRITICAL data-breach notices wait up to 30 minutes for a communications user: held, previewed,
 * approved with a text per language (from the API or from case-service's dashboard), or sent as they are when the
 * hold expires. Its other notices go out at once.
 */
class ReviewGateIT extends NotificationIntegrationTest {

    @Test
    void shouldHoldMatchingNoticesUntilApprovedWithATextPerLanguageOrUntilTheHoldExpires() throws Exception {
        String clientId = unique("gated");
        Contact french = contact(clientId, "flo", "fr", false);
        Contact english = contact(clientId, "eli", "en", false);
        directory.saveAll(List.of(new Client(clientId, "Client " + clientId, Severity.LOW, List.of(Channel.EMAIL),
                false, null, null, List.of(french, english)).withReviewGate(
                new ReviewGate(List.of(new ReviewGate.Rule(List.of(Severity.CRITICAL),
                        List.of(Category.DATA_BREACH), Duration.ofMinutes(30)))))));

        // a CRITICAL data breach is held: each delivery published HELD with the time it goes out, nothing sent
        UUID breach = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, breach.toString(), opened(breach, IncidentCategory.DATA_BREACH, clientId)
                .setSeverity(io.vigie.events.Severity.CRITICAL).build());
        List<ClientNotified> held = awaitClientNotified(breach, all -> all.stream()
                .filter(e -> e.getClientId().equals(clientId)).count() == 2);
        assertThat(held).filteredOn(e -> e.getClientId().equals(clientId)).allSatisfy(event -> {
            assertThat(event.getOutcome()).isEqualTo(DeliveryOutcome.HELD);
            assertThat(Duration.between(clock.instant(), event.getHeldUntil())).isBetween(Duration.ofMinutes(29),
                    Duration.ofMinutes(30));
        });
        UUID noticeId = NoticeWriter.noticeId(breach, clientId, Stage.INITIAL, 1);
        assertThat(send("GET", "/api/notices/held", "viewer", null).body())
                .contains(noticeId.toString(), "\"languages\":[\"en\",\"fr\"]");

        // a HIGH notice of the same client is not held
        UUID other = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, other.toString(), opened(other, IncidentCategory.DATA_BREACH, clientId)
                .setSeverity(io.vigie.events.Severity.HIGH).build());
        awaitMails(english.email(), 1);
        assertThat(clientNotified(other)).filteredOn(e -> e.getClientId().equals(clientId))
                .allMatch(e -> e.getOutcome() != DeliveryOutcome.HELD);

        // the reviewer reads it in French, then approves it with a text for each language
        HttpResponse<String> preview = send("GET", "/api/notices/" + noticeId + "/preview?language=fr", "comms", null);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Incident de sécurité", "violation de données");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/notices/" + noticeId + "/preview?language=en"))
                .header("Accept", "text/html").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("comms:comms-password".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'"));
        assertThat(page.body()).contains("<html lang=\"en\">", "Security incident", "<h3>What happened</h3>");
        assertThat(send("POST", "/api/notices/" + noticeId + "/approval", "viewer", "{}").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/notices/" + noticeId + "/approval", "comms",
                "{\"clientMessages\": {\"xx\": \"?\"}}").body()).contains("clientMessages.xx");
        HttpResponse<String> approved = send("POST", "/api/notices/" + noticeId + "/approval", "comms", """
                {"clientMessages": {"fr": "Nous avons déjà joint votre délégué à la protection des données.",
                                    "en": "We have already called your data protection officer."}}""");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(parts(awaitMails(french.email(), 2).stream()
                .filter(mail -> subject(mail).contains(breach.toString().substring(0, 8).toUpperCase()))
                .findFirst().orElseThrow())[0])
                .contains("Nous avons déjà joint votre délégué à la protection des données.")
                .doesNotContain("We have already called");
        assertThat(send("POST", "/api/notices/" + noticeId + "/approval", "comms", "{}").statusCode())
                .isEqualTo(409);
        assertThat(send("POST", "/api/notices/" + UUID.randomUUID() + "/approval", "comms", "{}").statusCode())
                .isEqualTo(404);

        // another held notice approved from the ops dashboard (case-service's event) goes out with the text
        UUID fromDashboard = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, fromDashboard.toString(), opened(fromDashboard, IncidentCategory.DATA_BREACH,
                clientId).setSeverity(io.vigie.events.Severity.CRITICAL).build());
        awaitClientNotified(fromDashboard, all -> all.stream().anyMatch(e -> e.getOutcome() == DeliveryOutcome.HELD));
        publish(Topics.INCIDENT_UPDATED, fromDashboard.toString(), IncidentUpdated.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setProducer("case-service")
                .setIncidentId(fromDashboard).setKind(UpdateKind.NOTICE_APPROVED).setActor("comms")
                .setStatus(IncidentStatus.IN_PROGRESS).setSeverity(io.vigie.events.Severity.CRITICAL)
                .setMessage("approved").setApprovedNoticeId(NoticeWriter.noticeId(fromDashboard, clientId,
                        Stage.INITIAL, 1))
                .setClientMessages(Map.of("en", "Approved from the dashboard.")).build());
        assertThat(awaitClientNotified(fromDashboard, all -> all.stream().filter(e -> e.getClientId().equals(clientId)
                && e.getOutcome() == DeliveryOutcome.SENT).count() == 2)).isNotEmpty();
        assertThat(parts(mailsTo(english.email()).stream().filter(mail -> subject(mail)
                .contains(fromDashboard.toString().substring(0, 8).toUpperCase())).findFirst().orElseThrow())[0])
                .contains("Approved from the dashboard.");

        // a held notice nobody approves goes out as it is when its hold expires
        UUID unattended = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, unattended.toString(), opened(unattended, IncidentCategory.DATA_BREACH,
                clientId).setSeverity(io.vigie.events.Severity.CRITICAL).build());
        awaitClientNotified(unattended, all -> all.stream().anyMatch(e -> e.getOutcome() == DeliveryOutcome.HELD));
        // The client's notices wait; the SOC's own on-duty SMS for a CRITICAL incident (escalation) is not held.
        assertThat(clientNotified(unattended)).filteredOn(e -> e.getClientId().equals(clientId))
                .noneMatch(e -> e.getOutcome() == DeliveryOutcome.SENT);
        clock.advance(Duration.ofMinutes(31));
        assertThat(awaitClientNotified(unattended, all -> all.stream().filter(e -> e.getClientId().equals(clientId)
                && e.getOutcome() == DeliveryOutcome.SENT).count() == 2)).isNotEmpty();
        assertThat(send("GET", "/api/notices/held", "viewer", null).body()).doesNotContain(clientId);
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
