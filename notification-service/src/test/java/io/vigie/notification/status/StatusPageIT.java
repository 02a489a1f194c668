package io.vigie.notification.status;

import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.conversation.ClientMessage;
import io.vigie.notification.conversation.ClientMessages;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ReviewGate;
import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.wording.LanguageCheck;
import io.vigie.notification.wording.PhraseBook;
import io.vigie.notification.wording.Phrases;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page over HTTP, opened with the links the notices carry: only the client's own incidents, in the
 * contact's language; another client's incident answers like one that does not exist; altered, expired and revoked
 * links open nothing.
 */
class StatusPageIT extends NotificationIntegrationTest {

    private static final Pattern STATUS_LINK = Pattern.compile("http://vigie\\.test/status\\?t=(\\S+)");
    private static final Pattern ACK_LINK = Pattern.compile("http://vigie\\.test/ack\\?t=(\\S+)");
    private static final PhraseBook FRENCH = Phrases.shipped("fr");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    StatusLinks statusLinks;
    @Autowired
    ClientMessages clientMessages;

    @Test
    void shouldListOnlyTheClientsOwnIncidentsInTheContactsLanguage() throws Exception {
        Told a = told("fr", IncidentCategory.DATA_BREACH);
        Told b = told("en", IncidentCategory.MALWARE);

        HttpResponse<String> page = get("/status?t=" + a.token(), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        String body = HtmlUtils.htmlUnescape(page.body());
        assertThat(body).contains("Incidents de sécurité : Client " + a.clientId(), "Incidents en cours",
                reference(a.incidentId()), FRENCH.category(Category.DATA_BREACH),
                FRENCH.common("statusPage.state.OPEN"), FRENCH.severity(Severity.MEDIUM), "Détecté le",
                "Aucun incident résolu ou clos au cours des 30 derniers jours.");
        assertThat(body).doesNotContain(reference(b.incidentId()), b.clientId(), "MALWARE", "DATA_BREACH", "OPEN");
        assertThat(RAW_ALERT_STRINGS).noneMatch(body::contains);
        assertThat(LanguageCheck.foreignWords(visibleText(body), "fr")).isEmpty();
    }

    @Test
    void shouldListAResolvedIncidentAmongTheRecentOnesWithWhatWasFound() throws Exception {
        Told a = told("fr", IncidentCategory.DATA_BREACH);
        UUID resolved = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, resolved.toString(),
                opened(resolved, IncidentCategory.PHISHING, a.clientId()).build());
        awaitMails(a.address(), 2);
        publish(Topics.INCIDENT_RESOLVED, resolved.toString(), IncidentResolved.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setProducer("case-service")
                .setIncidentId(resolved).setResolvedAt(Instant.now()).setResolvedBy("analyst")
                .setSeverity(io.vigie.events.Severity.MEDIUM).setCategory(IncidentCategory.PHISHING)
                .setSummary("internal: purged 14 mails from mx-01").setCorrectiveActions(List.of("internal"))
                .setClientMessages(Map.of("fr", "Les messages frauduleux ont été retirés des boîtes de réception."))
                .setDataCompromised(false).setAffectedClientIds(List.of(a.clientId())).build());
        awaitMails(a.address(), 3);

        String list = HtmlUtils.htmlUnescape(get("/status?t=" + a.token(), null).body());
        String detail = HtmlUtils.htmlUnescape(get("/status/incidents/" + resolved + "?t=" + a.token(), null).body());

        String open = list.substring(0, list.indexOf("id=\"recent-incidents\""));
        String recent = list.substring(list.indexOf("id=\"recent-incidents\""));
        assertThat(open).contains(reference(a.incidentId())).doesNotContain(reference(resolved));
        assertThat(recent).contains(reference(resolved), FRENCH.common("statusPage.state.RESOLVED"),
                FRENCH.category(Category.PHISHING));
        assertThat(detail).contains(FRENCH.common("statusPage.state.RESOLVED"),
                FRENCH.common("resolution.resolved"), FRENCH.common("resolution.noDataCompromised"),
                "Les messages frauduleux ont été retirés des boîtes de réception.", "Premier avis",
                "Avis de résolution").doesNotContain("Notre prochain message", "Date de résolution estimée",
                "mx-01", "purged");
        assertThat(LanguageCheck.foreignWords(visibleText(detail), "fr")).isEmpty();
    }

    @Test
    void shouldAnswerAnotherClientsIncidentAsIfItDidNotExist() throws Exception {
        Told a = told("fr", IncidentCategory.PHISHING);
        Told b = told("fr", IncidentCategory.DATA_BREACH);

        HttpResponse<String> other = get("/status/incidents/" + b.incidentId() + "?t=" + a.token(), null);
        HttpResponse<String> none = get("/status/incidents/" + UUID.randomUUID() + "?t=" + a.token(), null);
        HttpResponse<String> malformed = get("/status/incidents/not-an-id?t=" + a.token(), null);

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("Incident introuvable").isEqualTo(none.body()).isEqualTo(malformed.body());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(reference(b.incidentId()), b.clientId(), "Webmail");
        assertThat(get("/status/version?t=" + a.token() + "&incident=" + b.incidentId(), null).statusCode())
                .isEqualTo(404);
        // and the client's own incident opens
        assertThat(get("/status/incidents/" + a.incidentId() + "?t=" + a.token(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldShowWhatTheClientWasToldTheirQuestionsAndOurAnswers() throws Exception {
        Told a = told("fr", IncidentCategory.DATA_BREACH);
        ClientMessage question = clientMessages.receive(ClientMessage.received(a.incidentId(),
                new ClientMessage.Author(a.clientId(), "jm", "Contact jm", "fr"),
                "<script>alert('x')</script> Faut-il changer nos mots de passe ?", Instant.now(),
                new ClientMessage.Origin("QUESTION_PAGE", null, null, null, null))).message();
        clientMessages.answered(question.id(), "comms", Instant.now(), "NOTICE",
                "Oui, par précaution, pour les comptes de messagerie.", null);
        clientMessages.receive(ClientMessage.received(a.incidentId(),
                new ClientMessage.Author(a.clientId(), "jm", "Contact jm", "fr"),
                "Avez-vous bloqué l'adresse de l'attaquant ?", Instant.now(),
                new ClientMessage.Origin("EMAIL_REPLY", null, "<" + UUID.randomUUID() + "@client.test>", null,
                        null)));

        HttpResponse<String> page = get("/status/incidents/" + a.incidentId() + "?t=" + a.token(), null);

        assertThat(page.statusCode()).isEqualTo(200);
        String body = HtmlUtils.htmlUnescape(page.body());
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant nextUpdate = jdbc.queryForObject("SELECT next_update_at FROM incident_client WHERE incident_id = ? "
                + "AND client_id = ?", java.sql.Timestamp.class, a.incidentId(), a.clientId()).toInstant();
        assertThat(body).contains("Incident " + reference(a.incidentId()), FRENCH.category(Category.DATA_BREACH),
                FRENCH.common("statusPage.state.OPEN"), FRENCH.severity(Severity.MEDIUM),
                FRENCH.about(Category.DATA_BREACH, "context"), "Webmail " + a.clientId(),
                FRENCH.dataCategory("CREDENTIALS"), FRENCH.measure("ACCOUNT_LOCKED"),
                FRENCH.measure("ATTACK_SOURCES_BLOCKED"), FRENCH.about(Category.DATA_BREACH, "plan"),
                "Date de résolution estimée : " + FRENCH.dateTime(Instant.parse("2030-03-01T10:00:00Z"), paris),
                "Notre prochain message, au plus tard", FRENCH.dateTime(nextUpdate, paris),
                // every message sent, with the subject the email had
                "Premier avis", a.mail().getSubject(),
                "Oui, par précaution, pour les comptes de messagerie.", "Notre réponse, ",
                "Avez-vous bloqué l'adresse de l'attaquant ?", "Notre équipe prépare sa réponse.");
        // what a client wrote is shown as text, never run
        assertThat(page.body()).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(");
        assertThat(RAW_ALERT_STRINGS).noneMatch(body::contains);
        assertThat(LanguageCheck.foreignWords(visibleText(body), "fr")).isEmpty();
    }

    @Test
    void shouldRefuseAnAlteredLinkWith400AndShowNothing() throws Exception {
        Told a = told("fr", IncidentCategory.PHISHING);
        String[] parts = a.token().split("\\.");
        String otherContact = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("mallory".getBytes(StandardCharsets.UTF_8));
        String ackToken = ackToken(a.mail());

        for (String forged : List.of(parts[0] + "." + otherContact + "." + parts[2] + "." + parts[3],
                a.token().substring(0, a.token().length() - 2), ackToken, "")) {
            HttpResponse<String> page = get("/status?t=" + forged, null);
            assertThat(page.statusCode()).as(forged).isEqualTo(400);
            assertThat(page.body()).contains("Invalid link").doesNotContain(reference(a.incidentId()), a.clientId());
        }
        // a link that cannot be read has no contact: the page takes the browser's language
        assertThat(get("/status?t=" + ackToken, "de-DE,de;q=0.9,en;q=0.5").body()).contains("Ungültiger Link");
        assertThat(get("/status", "fr").statusCode()).isEqualTo(400);
        assertThat(get("/status/version?t=" + ackToken, null).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldShowAnExpiredLinkAsExpiredInTheContactsLanguage() throws Exception {
        Told a = told("fr", IncidentCategory.PHISHING);
        Instant expiredAt = clock.instant().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String url = statusLinks.url(statusLinks.issue(a.clientId(), "jm", expiredAt));

        HttpResponse<String> page = get(url.replace("http://vigie.test", ""), "en");

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains("Lien expiré",
                "Ce lien a expiré le " + FRENCH.dateTime(expiredAt, ZoneId.of("Europe/Paris")))
                .doesNotContain(reference(a.incidentId()), "Client " + a.clientId());
    }

    @Test
    void shouldReuseTheLinkUntilRevokedThenShowItWithdrawnAndGiveANewOne() throws Exception {
        Told a = told("fr", IncidentCategory.PHISHING);
        String clientPath = "/api/clients/" + a.clientId() + "/status-links";

        // a later notice carries the same link
        publish(Topics.INCIDENT_UPDATED, a.incidentId().toString(), clientUpdate(a.incidentId(),
                "Les adresses de l'expéditeur sont bloquées."));
        assertThat(statusToken(awaitMails(a.address(), 2).get(1))).isEqualTo(a.token());

        // the directory's writers see the link (its state, never the link itself); a viewer may not
        HttpResponse<String> listed = send("GET", clientPath, "comms", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"contactId\":\"jm\"", "\"state\":\"ACTIVE\"")
                .doesNotContain(a.token().substring(0, 36 + 1 + 4), "t=");
        assertThat(send("GET", clientPath, "viewer", null).statusCode()).isEqualTo(403);
        String linkId = a.token().substring(0, 36);

        // when a manager revokes it
        HttpResponse<String> revoked = send("POST", clientPath + "/" + linkId + "/revocation", "manager", null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).contains("\"state\":\"REVOKED\"", "\"revokedBy\":\"manager\"");

        // then the link shows that it was withdrawn, in the contact's language, and nothing else
        HttpResponse<String> page = get("/status?t=" + a.token(), "en");
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains("Lien désactivé", "Vigie SOC")
                .doesNotContain(reference(a.incidentId()), "Client " + a.clientId());
        assertThat(get("/status/incidents/" + a.incidentId() + "?t=" + a.token(), null).statusCode()).isEqualTo(410);
        assertThat(get("/status/version?t=" + a.token(), null).statusCode()).isEqualTo(410);
        // revoking twice, an unknown link, an unknown client: problem+json
        HttpResponse<String> twice = send("POST", clientPath + "/" + linkId + "/revocation", "comms", null);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(send("POST", clientPath + "/" + UUID.randomUUID() + "/revocation", "comms", null).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", clientPath + "/not-a-link/revocation", "comms", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/clients/no-such-client/status-links", "comms", null).statusCode())
                .isEqualTo(404);

        // and the next notice carries a new link that works
        publish(Topics.INCIDENT_UPDATED, a.incidentId().toString(), clientUpdate(a.incidentId(),
                "Les messages frauduleux ont été retirés des boîtes de réception."));
        String fresh = statusToken(awaitMails(a.address(), 3).get(2));
        assertThat(fresh).isNotEqualTo(a.token());
        assertThat(get("/status?t=" + fresh, null).statusCode()).isEqualTo(200);

        // revoking all of the client's links closes that one too
        HttpResponse<String> all = send("POST", clientPath + "/revocation", "comms", null);
        assertThat(all.body()).isEqualTo("{\"revoked\":1}");
        assertThat(get("/status?t=" + fresh, null).statusCode()).isEqualTo(410);
    }

    @Test
    void shouldNotShowANoticeHeldForReview() throws Exception {
        String clientId = unique("held");
        Client held = new Client(clientId, "Client " + clientId, Severity.LOW, List.of(Channel.EMAIL), false, null,
                null, List.of(contact(clientId, "jm", "fr", false))).withReviewGate(
                new ReviewGate(List.of(new ReviewGate.Rule(List.of(), List.of(), Duration.ofHours(1)))));
        directory.saveAll(List.of(held));
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.DATA_BREACH, clientId).build());
        awaitClientNotified(incidentId, events -> events.stream()
                .anyMatch(event -> event.getOutcome() == DeliveryOutcome.HELD));
        String token = statusLinks.urlFor(clientId, "jm").substring("http://vigie.test/status?t=".length());

        HttpResponse<String> page = get("/status?t=" + token, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Aucun incident en cours.").doesNotContain(reference(incidentId));
        assertThat(get("/status/incidents/" + incidentId + "?t=" + token, null).statusCode()).isEqualTo(404);
    }

    /** A client with one contact ({@code jm}) reading {@code language}, told about a new incident. */
    private record Told(String clientId, String address, UUID incidentId, MimeMessage mail, String token) {
    }

    private Told told(String language, IncidentCategory category) throws Exception {
        String clientId = unique("status");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "jm", language, false));
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened(incidentId, category, clientId).build());
        String address = "jm@" + clientId + ".test";
        MimeMessage mail = awaitMails(address, 1).get(0);
        return new Told(clientId, address, incidentId, mail, statusToken(mail));
    }

    private static String statusToken(MimeMessage mail) throws Exception {
        Matcher link = STATUS_LINK.matcher(parts(mail)[0]);
        assertThat(link.find()).as("a status link in the notice").isTrue();
        assertThat(HtmlUtils.htmlUnescape(parts(mail)[1]))
                .contains("href=\"http://vigie.test/status?t=" + link.group(1) + "\"");
        return link.group(1);
    }

    private static String ackToken(MimeMessage mail) throws Exception {
        Matcher link = ACK_LINK.matcher(parts(mail)[0]);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private static IncidentUpdated clientUpdate(UUID incidentId, String french) {
        return IncidentUpdated.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setProducer("case-service").setIncidentId(incidentId).setKind(UpdateKind.CLIENT_UPDATE)
                .setActor("analyst").setStatus(IncidentStatus.IN_PROGRESS)
                .setSeverity(io.vigie.events.Severity.MEDIUM).setMessage("internal note")
                .setClientMessages(Map.of("fr", french)).setNotifyClients(true).build();
    }

    static String reference(UUID incidentId) {
        return incidentId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String visibleText(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", " ");
    }

    private HttpResponse<String> get(String pathAndQuery, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
