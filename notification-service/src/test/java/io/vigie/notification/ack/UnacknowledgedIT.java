package io.vigie.notification.ack;

import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UnacknowledgedIT extends NotificationIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    AckLinks links;

    @Test
    void shouldFlagACriticalNoticeThatNobodyAcknowledgedInTime() throws Exception {
        UUID silent = criticalIncident("silent");
        UUID acknowledged = criticalIncident("answered");
        UUID noticeId = clientNotified(acknowledged).stream().filter(e -> e.getContactId().equals("kim"))
                .findFirst().orElseThrow().getNoticeId();
        String token = links.token(noticeId, "kim", Instant.now().plus(Duration.ofDays(1)));
        HttpResponse<String> ack = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ack"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("t=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ack.statusCode()).isEqualTo(200);

        // when the deadline passes
        clock.advance(Duration.ofMinutes(31));

        // then only the notice nobody acknowledged is flagged on the incident's notices
        await().atMost(PATIENCE).until(() -> notices(silent).contains("\"unacknowledgedFlaggedAt\":\"20"));
        assertThat(notices(silent)).contains("\"state\":\"SENT\"", "\"recipient\":\"k***@");
        assertThat(notices(acknowledged)).contains("\"unacknowledgedFlaggedAt\":null", "\"respondedBy\":\"Contact kim\"");
    }

    private UUID criticalIncident(String prefix) throws Exception {
        String clientId = unique(prefix);
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "kim", "en", false));
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened(incidentId, IncidentCategory.MALWARE, clientId)
                .setSeverity(io.vigie.events.Severity.CRITICAL).build());
        awaitClientNotified(incidentId, all -> all.stream().anyMatch(e -> e.getOutcome() == DeliveryOutcome.SENT
                && e.getContactId().equals("kim")));
        return incidentId;
    }

    private String notices(UUID incidentId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/incidents/" + incidentId + "/notices"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "viewer:viewer-password".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
