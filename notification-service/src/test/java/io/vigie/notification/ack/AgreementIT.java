package io.vigie.notification.ack;

import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.notice.Severity;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementIT extends NotificationIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://vigie\\.test/agreement\\?t=(\\S+)");
    private static final Pattern ACK_LINK = Pattern.compile("http://vigie\\.test/ack\\?t=(\\S+)");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAskForTheClientsAgreementAndRecordItsAnswerOnce() throws Exception {
        String clientId = unique("consent");
        String address = "carla@" + clientId + ".test";
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "carla", "en", false));
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.MALWARE, clientId).build());
        awaitMails(address, 1);

        // an analyst asks for the client's agreement
        HttpResponse<String> requested = api("/api/incidents/" + incidentId + "/agreement-requests",
                "{\"clientId\": \"" + clientId + "\", \"questions\": {\"en\": \"May we isolate your workstation <PC-12>?\"}}");
        assertThat(requested.statusCode()).isEqualTo(201);
        assertThat(api("/api/incidents/" + UUID.randomUUID() + "/agreement-requests",
                "{\"clientId\": \"" + clientId + "\", \"questions\": {\"en\": \"?\"}}").statusCode()).isEqualTo(404);
        assertThat(api("/api/incidents/" + incidentId + "/agreement-requests",
                "{\"clientId\": \"" + clientId + "\", \"questions\": {\"fr\": \"Pouvons-nous isoler le poste ?\"}}")
                .body()).contains("questions.en");

        // the notice carries the question and a signed answer link
        String text = parts(awaitMails(address, 2).get(1))[0];
        assertThat(text).contains("YOUR AGREEMENT IS NEEDED", "May we isolate your workstation <PC-12>?");
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        Matcher ackLink = ACK_LINK.matcher(text);
        assertThat(ackLink.find()).isTrue();

        // an acknowledgement link cannot answer, and opening the page records nothing
        assertThat(post(ackLink.group(1), "AGREED").statusCode()).isEqualTo(400);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/agreement?t=" + token)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("May we isolate your workstation &lt;PC-12&gt;?", "value=\"DECLINED\"");

        // the first answer is recorded and published; a second one changes nothing
        assertThat(post(token, "DECLINED").body()).contains("Thank you", "Contact carla declined");
        assertThat(post(token, "AGREED").body()).contains("Already answered", "Contact carla declined");
        List<ClientNotified> events = awaitClientNotified(incidentId,
                all -> all.stream().anyMatch(e -> e.getOutcome() == DeliveryOutcome.DECLINED));
        assertThat(events).filteredOn(e -> e.getOutcome() == DeliveryOutcome.DECLINED
                || e.getOutcome() == DeliveryOutcome.AGREED).singleElement().satisfies(answer -> {
                    assertThat(answer.getRespondedBy()).isEqualTo("Contact carla");
                    assertThat(answer.getSequence()).isEqualTo(1);
                    assertThat(answer.getRecipient()).startsWith("c***@");
                });
    }

    private HttpResponse<String> api(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "comms:comms-password".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String answer) throws Exception {
        String form = "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&answer=" + answer;
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/agreement"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
