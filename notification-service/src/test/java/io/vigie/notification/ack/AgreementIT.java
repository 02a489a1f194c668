package io.vigie.notification.ack;

import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.wording.LanguageCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    @Autowired
    AckLinks links;

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
        String token = link(LINK, text);
        String ackToken = link(ACK_LINK, text);

        // an acknowledgement link cannot answer, and opening the page records nothing
        assertThat(post(ackToken, "AGREED", null).statusCode()).isEqualTo(400);
        HttpResponse<String> page = get(token, "de-DE");
        assertThat(page.body()).contains("<html lang=\"en\">", "<h1>Your agreement</h1>",
                "May we isolate your workstation &lt;PC-12&gt;?", "value=\"DECLINED\">I decline</button>",
                "value=\"AGREED\">I agree</button>");
        assertOnly("en", page.body());
        assertThat(answers(incidentId)).isZero();

        // the first answer is recorded and published; a second one changes nothing
        HttpResponse<String> declined = post(token, "DECLINED", null);
        assertThat(declined.body()).contains("<h1>Thank you</h1>", "Contact carla declined on ");
        assertOnly("en", declined.body());
        HttpResponse<String> again = post(token, "AGREED", null);
        assertThat(again.body()).contains("<h1>Already answered</h1>", "Contact carla declined on ",
                "Only the first answer counts");
        assertOnly("en", again.body());
        assertThat(get(token, null).body()).contains("<h1>Already answered</h1>", "Contact carla declined on ");
        List<ClientNotified> events = awaitClientNotified(incidentId,
                all -> all.stream().anyMatch(e -> e.getOutcome() == DeliveryOutcome.DECLINED));
        assertThat(events).filteredOn(e -> e.getOutcome() == DeliveryOutcome.DECLINED
                || e.getOutcome() == DeliveryOutcome.AGREED).singleElement().satisfies(answer -> {
                    assertThat(answer.getRespondedBy()).isEqualTo("Contact carla");
                    assertThat(answer.getSequence()).isEqualTo(1);
                    assertThat(answer.getRecipient()).startsWith("c***@");
                });
        assertThat(answers(incidentId)).isEqualTo(1);
    }

    @Test
    void shouldAskEachContactInTheirLanguageAndRefuseInTheRightOne() throws Exception {
        // given a client with a French and a German contact, asked in both languages
        String clientId = unique("consent");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "claire", "fr", false),
                contact(clientId, "dieter", "de", false));
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.MALWARE, clientId).build());
        awaitMails("claire@" + clientId + ".test", 1);
        assertThat(api("/api/incidents/" + incidentId + "/agreement-requests", "{\"clientId\": \"" + clientId
                + "\", \"questions\": {\"fr\": \"Pouvons-nous isoler votre poste <PC-12> ?\", "
                + "\"de\": \"Dürfen wir Ihren Arbeitsplatz <PC-12> isolieren?\"}}").statusCode()).isEqualTo(201);
        String french = link(LINK, parts(awaitMails("claire@" + clientId + ".test", 2).get(1))[0]);
        String german = link(LINK, parts(awaitMails("dieter@" + clientId + ".test", 2).get(1))[0]);

        // when each opens their link (from a browser set to English), each reads their own language only
        HttpResponse<String> frenchPage = get(french, "en-GB,en;q=0.9");
        assertThat(frenchPage.body()).contains("<html lang=\"fr\">", "<h1>Votre accord</h1>",
                "Pouvons-nous isoler votre poste &lt;PC-12&gt; ?", "J&#39;accepte</button>", "Je refuse</button>",
                "Votre nom (facultatif)");
        assertOnly("fr", frenchPage.body());
        HttpResponse<String> germanPage = get(german, "en-GB,en;q=0.9");
        assertThat(germanPage.body()).contains("<html lang=\"de\">", "<h1>Ihre Zustimmung</h1>",
                "Dürfen wir Ihren Arbeitsplatz &lt;PC-12&gt; isolieren?", "Ich stimme zu</button>",
                "Ich lehne ab</button>");
        assertOnly("de", germanPage.body());

        // an answer that is neither button, a tampered and an expired link: refused, nothing recorded
        HttpResponse<String> noAnswer = post(french, "MAYBE", null);
        assertThat(noAnswer.statusCode()).isEqualTo(400);
        assertThat(noAnswer.body()).contains("<html lang=\"fr\">", "<h1>Pas de réponse</h1>",
                "Rien n&#39;a été enregistré.");
        assertOnly("fr", noAnswer.body());
        String[] parts = french.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("mallory".getBytes(StandardCharsets.UTF_8)) + "." + parts[2] + "." + parts[3];
        HttpResponse<String> forged = post(tampered, "AGREED", "de-DE,de;q=0.9,fr;q=0.5");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("<html lang=\"de\">", "<h1>Ungültiger Link</h1>",
                "Es wurde nichts gespeichert.");
        assertOnly("de", forged.body());
        assertThat(get(tampered, null).body()).contains("<html lang=\"en\">", "This link is not valid");
        String expired = SignedLinks.token(links, AckLinks.AGREEMENT, UUID.fromString(parts[0]), "dieter",
                Instant.now().minusSeconds(60));
        HttpResponse<String> late = post(expired, "AGREED", "fr-FR");
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("<html lang=\"de\">", "<h1>Link abgelaufen</h1>",
                "Dieser Link ist am ", "(Europe/Paris) abgelaufen. Es wurde nichts gespeichert.", "soc@vigie.local");
        assertOnly("de", late.body());
        assertThat(answers(incidentId)).isZero();

        // then the answers are recorded in each contact's words
        HttpResponse<String> agreed = post(french, "AGREED", null);
        assertThat(agreed.body()).contains("<html lang=\"fr\">", "<h1>Merci</h1>", "Contact claire a accepté le ");
        assertOnly("fr", agreed.body());
        HttpResponse<String> declined = post(german, "DECLINED", null);
        assertThat(declined.body()).contains("<html lang=\"de\">", "<h1>Vielen Dank</h1>",
                "Contact dieter hat am ", " abgelehnt.");
        assertOnly("de", declined.body());
        HttpResponse<String> again = post(german, "AGREED", null);
        assertThat(again.body()).contains("<h1>Bereits beantwortet</h1>", " abgelehnt.",
                "Nur die erste Antwort zählt");
        assertOnly("de", again.body());
        assertThat(answers(incidentId)).isEqualTo(2);
    }

    /** No word of another language on the page, and no code (an answer, a stage) where words belong. */
    private static void assertOnly(String language, String html) {
        assertThat(LanguageCheck.foreignWords(html, language)).as(html).isEmpty();
        assertThat(html.replaceAll("<[^>]+>", " ")).doesNotContain("AGREED", "DECLINED", "UPDATE");
    }

    private static String link(Pattern pattern, String text) {
        Matcher link = pattern.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }

    private long answers(UUID incidentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM agreement a JOIN notice n ON n.id = a.notice_id "
                + "WHERE n.incident_id = ?", Long.class, incidentId);
    }

    private HttpResponse<String> api(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "comms:comms-password".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/agreement?t=" + token));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String answer, String acceptLanguage) throws Exception {
        String form = "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&answer=" + answer;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/agreement"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
