package io.vigie.notification.ack;

import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.wording.LanguageCheck;
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
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementIT extends NotificationIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://vigie\\.test/ack\\?t=(\\S+)");
    /** The English contact reads dates in their own zone, not the service's (Europe/Paris). */
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    AckLinks links;

    private UUID incidentId;
    /** Each contact's acknowledgement link, by the language they read: fr (amelie), en (alice), de (dieter). */
    private final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeEach
    void notifyAClient() throws Exception {
        String clientId = unique("ack");
        Contact alice = contact(clientId, "alice", "en", false);
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "amelie", "fr", false),
                new Contact(alice.id(), alice.name(), alice.role(), alice.email(), null, "en", NEW_YORK, null),
                contact(clientId, "dieter", "de", false));
        incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.PHISHING, clientId).build());
        tokens.clear();
        for (Map.Entry<String, String> reader : Map.of("fr", "amelie", "en", "alice", "de", "dieter").entrySet()) {
            String text = parts(awaitMails(reader.getValue() + "@" + clientId + ".test", 1).get(0))[0];
            Matcher link = LINK.matcher(text);
            assertThat(link.find()).isTrue();
            tokens.put(reader.getKey(), link.group(1));
        }
    }

    @Test
    void shouldRecordWhoAcknowledgedAndWhenOnceAndPublishIt() throws Exception {
        String token = tokens.get("fr");
        // opening the link only shows the notice and the button (mail scanners open links too), in French only
        HttpResponse<String> page = get(token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\">", "<h1>Confirmer la réception</h1>", "Notre message : ",
                "<form method=\"post\"", "J&#39;ai bien reçu ce message");
        assertOnly("fr", page.body());
        // A client's page is held to the same policy as the SOC's: no inline or foreign script, no framing, and the
        // signed link never leaves in a Referer.
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'", "form-action 'self'"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(acknowledgements()).isZero();

        // the name typed is kept, and shown escaped
        HttpResponse<String> confirmed = post(token, "Amélie <Martin>", null);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("<html lang=\"fr\">", "<h1>Merci</h1>",
                "Réception confirmée par Contact amelie (Amélie &lt;Martin&gt;) le ", "(Europe/Paris)");
        assertOnly("fr", confirmed.body());

        // a second click, even from an English browser, shows the first acknowledgement in the contact's language
        HttpResponse<String> again = post(token, "", "en-GB,en;q=0.9");
        assertThat(again.body()).contains("<html lang=\"fr\">", "<h1>Déjà confirmé</h1>",
                "Contact amelie (Amélie &lt;Martin&gt;)");
        assertOnly("fr", again.body());
        List<ClientNotified> events = awaitClientNotified(incidentId,
                all -> all.stream().anyMatch(e -> e.getOutcome() == DeliveryOutcome.ACKNOWLEDGED));
        assertThat(events).filteredOn(e -> e.getOutcome() == DeliveryOutcome.ACKNOWLEDGED).singleElement()
                .satisfies(ack -> {
                    assertThat(ack.getRespondedBy()).isEqualTo("Contact amelie (Amélie <Martin>)");
                    assertThat(ack.getContactId()).isEqualTo("amelie");
                    assertThat(ack.getChannel()).isEqualTo(io.vigie.events.Channel.EMAIL);
                });
        assertThat(acknowledgements()).isEqualTo(1);
    }

    @Test
    void shouldShowEachContactThePageInTheirOwnLanguageOnlyWithDatesInTheirZone() throws Exception {
        // given a French browser: the page still speaks the language the contact's notice was written in
        HttpResponse<String> english = get(tokens.get("en"), "fr-FR,fr;q=0.9");
        assertThat(english.body()).contains("<html lang=\"en\">", "<h1>Confirm receipt</h1>", "Our message: ",
                "I have received this message");
        assertOnly("en", english.body());
        HttpResponse<String> german = get(tokens.get("de"), "fr-FR,fr;q=0.9");
        assertThat(german.body()).contains("<html lang=\"de\">", "<h1>Empfang bestätigen</h1>", "Unsere Nachricht: ",
                "Ich habe diese Nachricht erhalten");
        assertOnly("de", german.body());

        HttpResponse<String> englishThanks = post(tokens.get("en"), "", null);
        assertThat(englishThanks.body()).contains("<h1>Thank you</h1>", "Receipt confirmed by Contact alice on ",
                "(America/New_York)");
        assertOnly("en", englishThanks.body());
        HttpResponse<String> germanThanks = post(tokens.get("de"), "Dieter", null);
        assertThat(germanThanks.body()).contains("<html lang=\"de\">", "<h1>Vielen Dank</h1>",
                "Empfang bestätigt von Contact dieter (Dieter) am ", "(Europe/Paris)");
        assertOnly("de", germanThanks.body());
        assertThat(acknowledgements()).isEqualTo(2);
    }

    @Test
    void shouldRefuseATamperedLinkInTheBrowsersLanguageAndRecordNothing() throws Exception {
        String[] parts = tokens.get("fr").split("\\.");
        String otherContact = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("mallory".getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherContact + "." + parts[2] + "." + parts[3];

        // whose link it was cannot be known: the browser's language, else English
        HttpResponse<String> german = post(tampered, "Mallory", "de-DE,de;q=0.9,en;q=0.5");
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(german.body()).contains("<html lang=\"de\">", "<h1>Ungültiger Link</h1>",
                "Dieser Link ist ungültig", "Es wurde nichts gespeichert.");
        assertOnly("de", german.body());
        HttpResponse<String> unknownLanguage = get(tampered, "es-ES,es;q=0.9");
        assertThat(unknownLanguage.statusCode()).isEqualTo(400);
        assertThat(unknownLanguage.body()).contains("<html lang=\"en\">", "This link is not valid",
                "Nothing was recorded.");
        assertOnly("en", unknownLanguage.body());
        assertThat(get(tampered, "fr").body()).contains("<html lang=\"fr\">", "Ce lien n&#39;est pas valide");
        assertThat(post(tokens.get("fr").substring(0, tokens.get("fr").length() - 2), "x", null).statusCode())
                .isEqualTo(400);
        assertThat(acknowledgements()).isZero();
    }

    @Test
    void shouldRefuseAnExpiredLinkInTheContactsLanguageAndRecordNothing() throws Exception {
        UUID noticeId = UUID.fromString(tokens.get("fr").substring(0, 36));
        String expired = links.token(noticeId, "amelie", Instant.now().minusSeconds(60));

        // the signature still says whose link it is: refused in their language, whatever the browser asks for
        HttpResponse<String> response = post(expired, "Amélie", "de-DE");
        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("<html lang=\"fr\">", "<h1>Lien expiré</h1>", "Ce lien a expiré le ",
                "Rien n&#39;a été enregistré.", "soc@vigie.local");
        assertOnly("fr", response.body());
        HttpResponse<String> english = get(links.token(noticeId, "alice", Instant.now().minusSeconds(60)), "de-DE");
        assertThat(english.statusCode()).isEqualTo(410);
        assertThat(english.body()).contains("<html lang=\"en\">", "This link expired on ", "(America/New_York)",
                "Nothing was recorded.");
        assertOnly("en", english.body());
        assertThat(acknowledgements()).isZero();
    }

    /** No word of another language on the page, and no code (a stage, a state) where words belong. */
    private static void assertOnly(String language, String html) {
        assertThat(LanguageCheck.foreignWords(html, language)).as(html).isEmpty();
        assertThat(html.replaceAll("<[^>]+>", " ")).doesNotContain("ACKNOWLEDGED", "INITIAL", "PHISHING");
    }

    private long acknowledgements() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM acknowledgement a JOIN notice n ON n.id = a.notice_id "
                + "WHERE n.incident_id = ?", Long.class, incidentId);
    }

    private HttpResponse<String> get(String t) throws Exception {
        return get(t, null);
    }

    private HttpResponse<String> get(String t, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ack?t=" + t));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String t, String name, String acceptLanguage) throws Exception {
        String form = "t=" + URLEncoder.encode(t, StandardCharsets.UTF_8) + "&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ack"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
