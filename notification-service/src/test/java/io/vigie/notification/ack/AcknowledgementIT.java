package io.vigie.notification.ack;

import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.notice.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementIT extends NotificationIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://vigie\\.test/ack\\?t=(\\S+)");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    AckLinks links;

    private UUID incidentId;
    private String token;

    @BeforeEach
    void notifyAClient() throws Exception {
        String clientId = unique("ack");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "alice", "en", false));
        incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.PHISHING, clientId).build());
        String text = parts(awaitMails("alice@" + clientId + ".test", 1).get(0))[0];
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).isTrue();
        token = link.group(1);
    }

    @Test
    void shouldRecordWhoAcknowledgedAndWhenOnceAndPublishIt() throws Exception {
        // opening the link only shows the notice and the button (mail scanners open links too)
        HttpResponse<String> page = get(token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm receipt").contains("<form method=\"post\"");
        // A client's page is held to the same policy as the SOC's: no inline or foreign script, no framing, and the
        // signed link never leaves in a Referer.
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'", "form-action 'self'"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(acknowledgements()).isZero();

        HttpResponse<String> confirmed = post(token, "Alice Martin");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Thank you").contains("confirmed by Contact alice (Alice Martin)");

        HttpResponse<String> again = post(token, "");
        assertThat(again.body()).contains("Already confirmed").contains("Contact alice (Alice Martin)");
        List<ClientNotified> events = awaitClientNotified(incidentId,
                all -> all.stream().anyMatch(e -> e.getOutcome() == DeliveryOutcome.ACKNOWLEDGED));
        assertThat(events).filteredOn(e -> e.getOutcome() == DeliveryOutcome.ACKNOWLEDGED).singleElement()
                .satisfies(ack -> {
                    assertThat(ack.getRespondedBy()).isEqualTo("Contact alice (Alice Martin)");
                    assertThat(ack.getContactId()).isEqualTo("alice");
                    assertThat(ack.getChannel()).isEqualTo(io.vigie.events.Channel.EMAIL);
                });
        assertThat(acknowledgements()).isEqualTo(1);
    }

    @Test
    void shouldRefuseATamperedLinkAndRecordNothing() throws Exception {
        String[] parts = token.split("\\.");
        String otherContact = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("mallory".getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherContact + "." + parts[2] + "." + parts[3];

        assertThat(get(tampered).statusCode()).isEqualTo(400);
        HttpResponse<String> response = post(tampered, "Mallory");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid").contains("Nothing was recorded");
        assertThat(post(token.substring(0, token.length() - 2), "x").statusCode()).isEqualTo(400);
        assertThat(acknowledgements()).isZero();
    }

    @Test
    void shouldRefuseAnExpiredLinkAndRecordNothing() throws Exception {
        UUID noticeId = UUID.fromString(token.substring(0, 36));
        String expired = links.token(noticeId, "alice", Instant.now().minusSeconds(60));

        HttpResponse<String> response = post(expired, "Alice");

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("expired").contains("Nothing was recorded");
        assertThat(acknowledgements()).isZero();
    }

    private long acknowledgements() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM acknowledgement a JOIN notice n ON n.id = a.notice_id "
                + "WHERE n.incident_id = ?", Long.class, incidentId);
    }

    private HttpResponse<String> get(String t) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ack?t=" + t)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String t, String name) throws Exception {
        String form = "t=" + URLEncoder.encode(t, StandardCharsets.UTF_8) + "&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ack"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
