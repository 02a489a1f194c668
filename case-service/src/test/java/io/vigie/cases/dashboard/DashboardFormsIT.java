package io.vigie.cases.dashboard;

import io.vigie.cases.CaseServiceTestBase;
import io.vigie.cases.incident.CaseProjectionIT;
import io.vigie.cases.incident.ClientConversationIT;
import io.vigie.cases.regulatory.RegulatoryReportsIT;
import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Measure;
import io.vigie.events.RegulatoryChange;
import io.vigie.events.ResponseMetrics;
import io.vigie.events.Severity;
import io.vigie.events.SurveyAnswered;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard's session, form login and CSRF protection, as a browser without JavaScript meets them. */
class DashboardFormsIT extends CaseServiceTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void shouldSendAnonymousVisitorsToTheLoginPage() throws Exception {
        HttpResponse<String> response = browser().send(get("/dashboard"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/dashboard/login");
    }

    @Test
    void shouldKeepTheSessionInItsOwnLaxHttpOnlyCookieAndSendAStrictPolicyOnEveryPage() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> loginPage = browser.send(get("/dashboard/login"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = browser.send(form("/dashboard/login",
                "username=analyst&password=analyst-pw&_csrf=" + csrf(loginPage.body())), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> board = browser.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString());

        // Its own name: the post-mortem pages share the host, and JSESSIONID for both logged one out of the other.
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("VIGIE_DASHBOARD_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        assertThat(login.headers().allValues("Set-Cookie")).as("plain HTTP").noneMatch(cookie -> cookie.contains("Secure"));

        // Through a TLS proxy (the ingress), the same login sets the cookie Secure.
        HttpClient proxied = browser();
        String token = csrf(proxied.send(get("/dashboard/login"), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> overTls = proxied.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/dashboard/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("username=analyst&password=analyst-pw&_csrf=" + token))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overTls.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("VIGIE_DASHBOARD_SESSION=").contains("Secure"));
        for (HttpResponse<String> page : java.util.List.of(loginPage, board)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'")
                    .doesNotContain("script-src 'self' 'unsafe-inline'");
        }
    }

    @Test
    void shouldRefuseAWrongPassword() throws Exception {
        HttpClient browser = browser();
        String token = csrf(browser.send(get("/dashboard/login"), HttpResponse.BodyHandlers.ofString()).body());

        HttpResponse<String> response = browser.send(form("/dashboard/login",
                "username=analyst&password=wrong&_csrf=" + token), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/dashboard/login?error");
    }

    @Test
    void shouldRecordAFormCommandWithTheLoggedInUserOnlyWithItsCsrfToken() throws Exception {
        UUID incidentId = openIncident(Severity.HIGH, "Form test <script>alert(1)</script>", "acme");
        HttpClient browser = loggedIn("analyst");
        String casePage = "/dashboard/cases/" + incidentId;
        HttpResponse<String> page = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Form test &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>");

        HttpResponse<String> forged = browser.send(form(casePage + "/notes", "text=forged"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> real = browser.send(form(casePage + "/notes",
                "text=" + URLEncoder.encode("Called the client's CISO", StandardCharsets.UTF_8) + "&_csrf="
                        + csrf(page.body())), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        // A token that is not even well-formed (not base64, too short, too long) is a refusal too, never a 500.
        for (String malformed : java.util.List.of("%25%25%25", "AAAA", "____", "A".repeat(300))) {
            assertThat(browser.send(form(casePage + "/notes", "text=forged&_csrf=" + malformed),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as(malformed).isEqualTo(403);
        }
        assertThat(real.statusCode()).isEqualTo(302);
        String timeline = get("viewer", "/api/cases/" + incidentId + "/timeline").body();
        assertThat(timeline).contains("Called the client's CISO").contains("\"actor\":\"analyst\"")
                .doesNotContain("forged");
    }

    @Test
    void shouldShowAViewerNoFormAndRefuseItsCommands() throws Exception {
        UUID incidentId = openIncident(Severity.LOW, "Viewer test", "acme");
        HttpClient browser = loggedIn("viewer");
        String casePage = "/dashboard/cases/" + incidentId;
        String body = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).contains("Viewer test").doesNotContain("resolve-form").doesNotContain("note-form");

        HttpResponse<String> attempt = browser.send(form(casePage + "/notes", "text=hello&_csrf=" + csrf(
                browser.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString()).body())),
                HttpResponse.BodyHandlers.ofString());

        assertThat(attempt.statusCode()).isEqualTo(302);
        assertThat(browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Your role does not allow this.");
        assertThat(timelineSize(incidentId)).isEqualTo(1);
    }

    @Test
    void shouldShowSuggestedClientsAsNotNotifiedAndConfirmOneWithItsCsrfToken() throws Exception {
        // given an incident whose alert names a client nobody vouches for
        UUID incidentId = openIncident(suggesting(classified(UUID.randomUUID(), UUID.randomUUID(), Severity.HIGH,
                "Suggestion test", ClassificationChange.OPENED, false, "acme"), "initech"));
        String casePage = "/dashboard/cases/" + incidentId;
        String confirm = casePage + "/clients/initech/confirm";

        // a viewer sees the suggestion and no way to confirm it
        String seenByViewer = loggedIn("viewer").send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(suggestions(seenByViewer)).contains("Suggested clients — not notified until confirmed")
                .contains("initech").doesNotContain("action=\"" + confirm + "\"");

        // the communications team sees it with a Confirm form, and confirms it
        HttpClient browser = loggedIn("comms");
        String page = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(suggestions(page)).contains("initech").contains("crm-initech")
                .contains("action=\"" + confirm + "\"");
        HttpResponse<String> forged = browser.send(form(confirm, ""), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> confirmed = browser.send(form(confirm, "_csrf=" + csrf(suggestions(page))),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(confirmed.statusCode()).isEqualTo(302);
        String after = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(after).contains("Client initech confirmed: notification-service sends it its first notice.")
                .doesNotContain("Suggested clients — not notified until confirmed");
        assertThat(section(after, "<section class=\"clients\">", "<h2>Alerts</h2>")).contains("initech");
        assertThat(section(after, "<ol class=\"entries\" id=\"timeline\">", "</ol>"))
                .contains("CLIENT_CONFIRMED").contains("comms").contains("Client initech confirmed as affected");

        // a second post of the same form (a double click) is no second confirmation
        browser.send(form(confirm, "_csrf=" + csrf(page)), HttpResponse.BodyHandlers.ofString());
        assertThat(timelineSize(incidentId)).isEqualTo(2);
    }

    @Test
    void shouldAttachAClientAndDetachAnotherWithTheirReasonsFromTheCasePage() throws Exception {
        // given an incident of acme's, seen by an analyst
        UUID incidentId = openIncident(Severity.HIGH, "Attachment test", "acme");
        String casePage = "/dashboard/cases/" + incidentId;
        HttpClient browser = loggedIn("analyst");
        String page = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(section(page, "id=\"attach-client-form\"", "</form>")).contains("name=\"reason\"");
        String detach = casePage + "/clients/acme/detachment";
        assertThat(section(page, "<section class=\"clients\">", "</table>")).contains("action=\"" + detach + "\"");

        // when they attach globex, then detach acme, each with its reason
        String token = csrf(page);
        HttpResponse<String> noReason = browser.send(form(casePage + "/clients", "clientId=globex&reason=&_csrf="
                + token), HttpResponse.BodyHandlers.ofString());
        String refused = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        browser.send(form(casePage + "/clients", "clientId=globex&reason=Shared+VPN+concentrator&_csrf=" + token),
                HttpResponse.BodyHandlers.ofString());
        browser.send(form(detach, "reason=Host+moved+to+initech&_csrf=" + token), HttpResponse.BodyHandlers.ofString());

        // then the page shows globex among the clients, acme detached with who and why, and both on the timeline
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(refused).contains("reason: must not be blank");
        assertThat(timelineSize(incidentId)).isEqualTo(3);
        String after = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(section(after, "<section class=\"clients\">", "</table>")).contains("globex")
                .doesNotContain("data-client=\"acme\"");
        assertThat(section(after, "id=\"detached-clients\"", "</div>")).contains("acme, by analyst")
                .contains("Host moved to initech");
        assertThat(section(after, "<ol class=\"entries\" id=\"timeline\">", "</ol>"))
                .contains("CLIENT_ATTACHED").contains("Client globex attached: Shared VPN concentrator")
                .contains("CLIENT_DETACHED").contains("Client acme detached: Host moved to initech");
    }

    @Test
    void shouldAskForAClientTextInEachLanguageTheIncidentsContactsRead() throws Exception {
        UUID incidentId = openIncident(Severity.HIGH, "Languages test", "acme", "globex");
        UUID unnotified = openIncident(Severity.HIGH, "Languages test, no notice yet", "acme");
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.notice(incidentId, "acme", DeliveryOutcome.SENT, "fr"));
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.notice(incidentId, "globex", DeliveryOutcome.SENT, "de"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM case_contact_language WHERE incident_id = ?", Integer.class, incidentId) == 2);
        HttpClient browser = loggedIn("analyst");
        String casePage = "/dashboard/cases/" + incidentId;

        String page = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        String updateForm = section(page, "id=\"client-update-form\"", "</form>");
        String firstPage = browser.send(get("/dashboard/cases/" + unnotified), HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(updateForm).contains("name=\"clientMessages.fr\"", "name=\"clientMessages.de\"",
                        "French (fr)", "German (de)", "contacts read", "French, German",
                        "Contacts whose language has no text will not get this text.")
                .doesNotContain("clientMessages.en");
        assertThat(updateForm).contains("value=\"PASSWORDS_RESET\"", "Passwords reset")
                .doesNotContain("name=\"measuresTaken\"");
        assertThat(section(page, "id=\"resolve-form\"", "</form>"))
                .contains("name=\"clientMessages.fr\"", "name=\"clientMessages.de\"").doesNotContain("clientMessages.en");
        assertThat(section(firstPage, "id=\"client-update-form\"", "</form>")).as("no notice yet: every language")
                .contains("name=\"clientMessages.fr\"", "name=\"clientMessages.en\"", "name=\"clientMessages.de\"");

        // when the analyst writes the update in both languages and ticks two measures
        HttpResponse<String> posted = browser.send(form(casePage + "/client-updates", "clientMessages.fr="
                + URLEncoder.encode("L'adresse est bloquée.", StandardCharsets.UTF_8) + "&clientMessages.de="
                + URLEncoder.encode("Die Adresse ist gesperrt.", StandardCharsets.UTF_8)
                + "&measures=ATTACK_SOURCES_BLOCKED&measures=PASSWORDS_RESET&resolutionPlan=&estimatedResolutionAt="
                + "&_csrf=" + csrf(page)), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> spanish = browser.send(form(casePage + "/client-updates",
                "clientMessages.es=Bloqueado&_csrf=" + csrf(page)), HttpResponse.BodyHandlers.ofString());

        // then notification-service gets each text under its language, and the timeline says which were written
        assertThat(posted.statusCode()).isEqualTo(302);
        IncidentUpdated update = awaitRecord(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(incidentId));
        assertThat(update.getClientMessages()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fr", "L'adresse est bloquée.", "de", "Die Adresse ist gesperrt."));
        assertThat(update.getMeasures()).containsExactly(Measure.ATTACK_SOURCES_BLOCKED, Measure.PASSWORDS_RESET);
        String timeline = section(browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body(),
                "<ol class=\"entries\" id=\"timeline\">", "</ol>");
        assertThat(timeline).contains("Client update in fr, de:", "[fr] L&#39;adresse est bloquée.",
                "Measures taken: Attack sources blocked; Passwords reset.");
        assertThat(spanish.statusCode()).isEqualTo(302);
        assertThat(browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body())
                .contains("clientMessages.es: not a language Vigie writes to clients in");
        assertThat(timelineSize(incidentId)).as("opened, two notices, one update").isEqualTo(4);
    }

    @Test
    void shouldShowANoticeAwaitingReviewWithItsCountdownAndApproveItWithTheForm() throws Exception {
        // given a notice to acme held for review for 12 minutes, for contacts reading French and German
        UUID incidentId = openIncident(Severity.HIGH, "Review test", "acme");
        UUID noticeId = UUID.randomUUID();
        Instant heldUntil = clock.instant().plus(Duration.ofMinutes(12)).truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.held(incidentId, "acme", noticeId, "fr", heldUntil));
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.held(incidentId, "acme", noticeId, "de", heldUntil));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM case_held_notice_language WHERE notice_id = ?", Integer.class, noticeId) == 2);
        String casePage = "/dashboard/cases/" + incidentId;
        String approval = casePage + "/notices/" + noticeId + "/approval";
        String at = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(heldUntil);

        // an analyst sees it counting down (rendered by the server), with no way to approve it
        String seenByAnalyst = loggedIn("analyst").send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(heldNotices(seenByAnalyst)).contains("Notices awaiting review", ">acme<", ">INITIAL 1<",
                        "title=\"French\">fr<", "title=\"German\">de<", "goes out", ">in 12 min<", at + "<",
                        "data-held-until=\"" + heldUntil.toEpochMilli() + "\"",
                        "href=\"http://notification.test/api/notices/" + noticeId + "/preview?language=fr\"")
                .doesNotContain("action=\"" + approval + "\"");

        // the board marks the case, with when its notice goes out
        HttpClient browser = loggedIn("comms");
        String board = browser.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(section(board, "data-incident=\"" + incidentId + "\"", "</tr>"))
                .contains("1 notice awaiting review", ", goes out in 12 min at " + at);

        // the communications team gets one optional text box per language its contacts read
        String page = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(section(page, "action=\"" + approval + "\"", "</form>"))
                .contains("name=\"clientMessages.fr\"", "name=\"clientMessages.de\"",
                        "Add a sentence for the contacts reading French",
                        "Add a sentence for the contacts reading German",
                        "Contacts whose language has no text get the notice without an added text.",
                        "Approve and send")
                .doesNotContain("clientMessages.en");
        HttpResponse<String> forged = browser.send(form(approval, "clientMessages.fr=forged"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> approved = browser.send(form(approval, "clientMessages.fr="
                + URLEncoder.encode("Nous vous rappelons à 15 h.", StandardCharsets.UTF_8) + "&clientMessages.de="
                + "&_csrf=" + csrf(page)), HttpResponse.BodyHandlers.ofString());

        // then notification-service is told to send it with the French text, and the page says it is on its way
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(approved.statusCode()).isEqualTo(302);
        IncidentUpdated event = awaitRecord(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                update -> update.getIncidentId().equals(incidentId));
        assertThat(event.getApprovedNoticeId()).isEqualTo(noticeId);
        assertThat(event.getClientMessages()).containsExactlyEntriesOf(Map.of("fr", "Nous vous rappelons à 15 h."));
        String after = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(after).contains("Notice approved: notification-service sends it now");
        assertThat(heldNotices(after)).contains("None is waiting now.", "approved, sending (approved by comms)")
                .doesNotContain("action=\"" + approval + "\"");
        assertThat(section(after, "<ol class=\"entries\" id=\"timeline\">", "</ol>"))
                .contains("NOTICE_APPROVED", "with texts added in fr:", "No text added for the contacts reading de.");
        assertThat(section(browser.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString()).body(),
                "data-incident=\"" + incidentId + "\"", "</tr>")).doesNotContain("awaiting review");
    }

    @Test
    void shouldMarkAClientQuestionOnTheBoardShowItEscapedAndAnswerItWithTheForm() throws Exception {
        // given a question whose text tries to run a script
        UUID incidentId = openIncident(Severity.HIGH, "Conversation test", "acme");
        ClientMessageReceived question = ClientConversationIT.message(incidentId, "acme", "fr",
                "Nos données ? <script>alert(1)</script>");
        publish(Topics.CLIENT_MESSAGES, incidentId.toString(), question);
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 2);
        String casePage = "/dashboard/cases/" + incidentId;
        String answer = casePage + "/messages/" + question.getMessageId() + "/answer";

        // the board marks the case with when the answer is due
        HttpClient browser = loggedIn("comms");
        String board = browser.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(board).contains("href=\"/dashboard/csat\"");
        assertThat(section(board, "data-incident=\"" + incidentId + "\"", "</tr>"))
                .contains("1 client question unanswered", ", answer due in ");

        // the case page lists it, escaped, with an answer form in its language for the communications team only
        String page = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        String questions = section(page, "id=\"client-questions\"", "</section>");
        assertThat(questions).contains("Client questions", "1 unanswered",
                        "Question from Jeanne Martin (acme) via the question page",
                        "Nos données ? &lt;script&gt;alert(1)&lt;/script&gt;", "answer due in ",
                        "action=\"" + answer + "\"", "Answer in Français (French), the language of Jeanne Martin",
                        "lang=\"fr\"")
                .doesNotContain("<script>alert(1)</script>");
        String seenByAnalyst = loggedIn("analyst").send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(section(seenByAnalyst, "id=\"client-questions\"", "</section>"))
                .doesNotContain("action=\"" + answer + "\"");
        assertThat(section(seenByAnalyst, "id=\"call-form\"", "</form>")).contains(">acme<",
                "value=\"" + question.getMessageId() + "\"");
        assertThat(loggedIn("viewer").send(get(casePage), HttpResponse.BodyHandlers.ofString()).body())
                .contains("id=\"client-questions\"").doesNotContain("call-form").doesNotContain(answer);

        // when the team answers with the form, without then with its token
        HttpResponse<String> forged = browser.send(form(answer, "text=forged"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> answered = browser.send(form(answer, "text=" + URLEncoder.encode(
                "Vos données sont intactes.", StandardCharsets.UTF_8) + "&_csrf=" + csrf(page)),
                HttpResponse.BodyHandlers.ofString());

        // then the answer goes to notification-service, and the marker is gone
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(answered.statusCode()).isEqualTo(302);
        IncidentUpdated event = awaitRecord(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                update -> update.getIncidentId().equals(incidentId));
        assertThat(event.getKind()).isEqualTo(UpdateKind.CLIENT_ANSWERED);
        assertThat(event.getClientMessages()).containsExactlyEntriesOf(Map.of("fr", "Vos données sont intactes."));
        String after = browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(after).contains("Answer sent: notification-service sends it to the contact");
        assertThat(section(after, "id=\"client-questions\"", "</section>"))
                .contains(">answered<", "by comms", "Vos données sont intactes.", "sending")
                .doesNotContain("1 unanswered").doesNotContain("action=\"" + answer + "\"");
        assertThat(section(browser.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString()).body(),
                "data-incident=\"" + incidentId + "\"", "</tr>")).doesNotContain("client question");

        // and a call is logged with the form, now by default
        HttpResponse<String> call = browser.send(form(casePage + "/calls", "clientId=acme&contact="
                + URLEncoder.encode("Jeanne Martin", StandardCharsets.UTF_8) + "&at=&summary="
                + URLEncoder.encode("Confirmed by phone.", StandardCharsets.UTF_8) + "&answersMessageId=&_csrf="
                + csrf(page)), HttpResponse.BodyHandlers.ofString());
        assertThat(call.statusCode()).isEqualTo(302);
        assertThat(section(browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body(),
                "<ol class=\"entries\" id=\"timeline\">", "</ol>"))
                .contains("CLIENT_CALL", "Phone call with Jeanne Martin (acme) at ", "Confirmed by phone.");
    }

    @Test
    void shouldRecordSurveyAnswersOnTheClosedCaseOnceAndShowTheClientsSatisfaction() throws Exception {
        // given a closed incident of a client of its own
        String client = "csat-" + UUID.randomUUID().toString().substring(0, 8);
        UUID incidentId = openIncident(Severity.LOW, "Survey test", client);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.INCIDENT_CLOSED, incidentId.toString(), IncidentClosed.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("postmortem-service")
                .setIncidentId(incidentId).setPostmortemId(UUID.randomUUID()).setApprovedBy("marie")
                .setApprovedAt(now).setRootCause("Weak password").setMetrics(ResponseMetrics.newBuilder().build())
                .build());
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 2);

        // when three contacts answer the survey, one twice, and one answer is delivered again
        SurveyAnswered first = ClientConversationIT.survey(incidentId, client, "Anne", 4, 5, true, "<b>Merci</b>");
        publish(Topics.SURVEY_ANSWERED, incidentId.toString(), first);
        publish(Topics.SURVEY_ANSWERED, incidentId.toString(), first);
        publish(Topics.SURVEY_ANSWERED, incidentId.toString(), SurveyAnswered.newBuilder(first)
                .setEventId(UUID.randomUUID()).setHandlingRating(1).build());
        publish(Topics.SURVEY_ANSWERED, incidentId.toString(),
                ClientConversationIT.survey(incidentId, client, "Bruno", 2, 3, false, null));
        publish(Topics.SURVEY_ANSWERED, incidentId.toString(),
                ClientConversationIT.survey(incidentId, client, "Chloé", 5, 4, true, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) >= 5);

        // then each contact's first answer is on the closed case's timeline, once
        String timeline = get("viewer", "/api/cases/" + incidentId + "/timeline").body();
        assertThat(timelineSize(incidentId)).isEqualTo(5);
        assertThat(timeline).contains("\"type\":\"SURVEY_ANSWERED\"")
                .contains("Satisfaction survey answered by Anne (" + client + "), in fr: handling 4/5, "
                        + "communication 5/5, all questions answered: yes.\\nComment: <b>Merci</b>")
                .contains("all questions answered: no");
        assertThat(get("viewer", "/api/cases/" + incidentId + "/timeline/verification").body())
                .contains("\"intact\":true");

        // and the CSAT of the client this month shows on the dashboard, for any role
        String month = java.time.YearMonth.from(now.atOffset(ZoneOffset.UTC)).toString();
        HttpResponse<String> csat = loggedIn("viewer").send(get("/dashboard/csat"), HttpResponse.BodyHandlers.ofString());
        assertThat(csat.statusCode()).isEqualTo(200);
        assertThat(section(csat.body(), "data-client=\"" + client + "\" data-month=\"" + month + "\"", "</tr>"))
                .contains(">3<", ">3.7<", ">4.0<", ">33 % (1)<");
        assertThat(csat.body()).contains("&lt;b&gt;Merci&lt;/b&gt;").doesNotContain("<b>Merci</b>");
    }

    @Test
    void shouldServeTheChartingLibraryItself() throws Exception {
        HttpClient browser = loggedIn("viewer");
        String board = browser.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher script = Pattern.compile("src=\"(/webjars/chart\\.js/[^\"]+)\"").matcher(board);
        assertThat(script.find()).isTrue();

        HttpResponse<String> library = browser.send(get(script.group(1)), HttpResponse.BodyHandlers.ofString());

        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("Chart");
        assertThat(board).doesNotContain("https://");
        assertThat(browser.send(get("/dashboard/charts?days=30"), HttpResponse.BodyHandlers.ofString()).body())
                .contains("\"perDay\"").contains("\"CRITICAL\"");
    }

    @Test
    void shouldChartTodaysIncidentsAndTheirResponseTimes() throws Exception {
        UUID incidentId = openIncident(Severity.CRITICAL, "Chart test", "acme");
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.notice(incidentId, "acme", DeliveryOutcome.ACKNOWLEDGED));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM incident_case "
                + "WHERE incident_id = ? AND first_acknowledged_at IS NOT NULL", Integer.class, incidentId) == 1);
        assertThat(post("analyst", "/api/cases/" + incidentId + "/resolution",
                "{\"summary\":\"Done\",\"dataCompromised\":false}").statusCode()).isEqualTo(200);

        String charts = loggedIn("viewer").send(get("/dashboard/charts?days=7"), HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(lastOf(charts, "CRITICAL")).isNotEqualTo("0");
        assertThat(lastOf(charts, "mttaMinutes")).isNotEqualTo("null");
        assertThat(lastOf(charts, "mttrMinutes")).isNotEqualTo("null");
        assertThat(charts).contains("\"days\":[");
    }

    @Test
    void shouldMarkAnIncidentNamingNoClientOnTheBoardUntilItIsDismissedOrAttributedWithTheForms() throws Exception {
        // given two incidents Wazuh raised about hosts nobody knows, from a manager bound to no client
        UUID lab = openIncident(unattributed(UUID.randomUUID(), UUID.randomUUID(), "bastion-lab",
                ClassificationChange.OPENED));
        UUID ci = openIncident(unattributed(UUID.randomUUID(), UUID.randomUUID(), "bastion-ci",
                ClassificationChange.OPENED));
        HttpClient analyst = loggedIn("analyst");

        // then the board marks both, and counts them in a tile
        String board = analyst.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(boardRow(board, lab)).contains("client unknown: attribute it");
        assertThat(boardRow(board, ci)).contains("client unknown: attribute it");
        assertThat(Integer.parseInt(section(board, "id=\"tile-client-unknown\">", "<").replaceAll("\\D", "")))
                .isGreaterThanOrEqualTo(2);
        // and each case page says so, with both forms for an analyst and only the naming one for communications
        String labPage = analyst.send(get("/dashboard/cases/" + lab), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(section(labPage, "id=\"attribution\"", "</div>")).contains("Client unknown: attribute it");
        assertThat(labPage).contains("id=\"attribute-form\"").contains("id=\"dismiss-attribution-form\"");
        String commsPage = loggedIn("comms").send(get("/dashboard/cases/" + lab), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(commsPage).contains("id=\"attribute-form\"").doesNotContain("id=\"dismiss-attribution-form\"");

        // when the analyst dismisses the first (without its CSRF token, then with it) and names acme for the second
        String dismissal = "/dashboard/cases/" + lab + "/attribution/dismissal";
        String reason = "reason=" + URLEncoder.encode("SOC lab host, no client data", StandardCharsets.UTF_8);
        HttpResponse<String> forged = analyst.send(form(dismissal, reason), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> dismissed = analyst.send(form(dismissal, reason + "&_csrf=" + csrf(labPage)),
                HttpResponse.BodyHandlers.ofString());
        String ciPage = analyst.send(get("/dashboard/cases/" + ci), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> attributed = analyst.send(form("/dashboard/cases/" + ci + "/attribution",
                "clientId=acme&_csrf=" + csrf(ciPage)), HttpResponse.BodyHandlers.ofString());

        // then neither is marked any more; the case pages say what was decided
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(dismissed.statusCode()).isEqualTo(302);
        assertThat(attributed.statusCode()).isEqualTo(302);
        String after = analyst.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(boardRow(after, lab)).doesNotContain("client unknown");
        assertThat(boardRow(after, ci)).doesNotContain("client unknown").contains(">acme<");
        String labAfter = analyst.send(get("/dashboard/cases/" + lab), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(labAfter).contains("Attribution dismissed: no client will be told.")
                .contains("Attribution dismissed, no client will be told: SOC lab host, no client data")
                .doesNotContain("id=\"dismiss-attribution-form\"");
        assertThat(analyst.send(get("/dashboard/cases/" + ci), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Client acme named: notification-service sends it its first notice.")
                .doesNotContain("id=\"attribute-form\"");
    }

    @Test
    void shouldShowTheRegulatoryReportsOnTheCasePageAndMarkTheBoardWhileOneIsDueSoonOrOverdue() throws Exception {
        // given a personal-data case regulatory-service has said nothing about yet
        UUID incidentId = openIncident(classified(UUID.randomUUID(), UUID.randomUUID(), Severity.HIGH,
                "Payroll export on a public share", ClassificationChange.OPENED, true, "acme"));
        String casePage = "/dashboard/cases/" + incidentId;
        HttpClient browser = loggedIn("viewer");
        assertThat(section(browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body(),
                "id=\"regulatory-reports\"", "</section>"))
                .contains("Regulatory reports", "regulatory-service decides", "none reported yet")
                .doesNotContain("72");

        // when it opens acme's Art. 33 report, due in 3 h 10 min, and warns that it is due soon
        Instant aware = clock.instant().minus(Duration.ofMinutes(68 * 60 + 50)).truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(),
                RegulatoryReportsIT.art33(incidentId, "acme", RegulatoryChange.OPENED, aware).build());
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(),
                RegulatoryReportsIT.art33(incidentId, "acme", RegulatoryChange.DUE_SOON, aware).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 3);

        // then the case page lists it with when it is due and the rule, and the board marks the case and counts it
        String reports = section(browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body(),
                "id=\"regulatory-reports\"", "</section>");
        assertThat(reports).contains(RegulatoryReportsIT.ART_33, ">acme<", ">DUE_SOON<", "due in 3 h",
                RegulatoryReportsIT.ART_33_RULE);
        String board = browser.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(boardRow(board, incidentId)).contains("1 regulatory report due soon: "
                + RegulatoryReportsIT.ART_33 + " (acme), due in 3 h");
        assertThat(tile(board, "tile-regulatory")).isPositive();

        // when the deadline passes before regulatory-service's OVERDUE arrives, it shows overdue all the same
        clock.advance(Duration.ofHours(4));
        assertThat(boardRow(browser.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString()).body(), incidentId))
                .contains("1 regulatory report overdue: " + RegulatoryReportsIT.ART_33 + " (acme), overdue: was due ",
                        " late");
        assertThat(section(browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body(),
                "id=\"regulatory-reports\"", "</section>")).contains(">OVERDUE<");

        // when the report is submitted, the mark goes and the page says by whom, with the authority's reference
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(),
                RegulatoryReportsIT.art33(incidentId, "acme", RegulatoryChange.SUBMITTED, aware)
                        .setSubmittedAt(aware.plus(Duration.ofHours(73))).setSubmittedBy("dpo@acme")
                        .setAuthorityReference("CNIL-2026-0077").setLate(true).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 4);
        assertThat(section(browser.send(get(casePage), HttpResponse.BodyHandlers.ofString()).body(),
                "id=\"regulatory-reports\"", "</section>"))
                .contains(">SUBMITTED<", "submitted ", " by dpo@acme, reference CNIL-2026-0077 (late)");
        assertThat(boardRow(browser.send(get("/dashboard"), HttpResponse.BodyHandlers.ofString()).body(), incidentId))
                .doesNotContain("regulatory report");
    }

    /** The figure of a board tile. */
    private static int tile(String board, String id) {
        Matcher figure = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(board);
        assertThat(figure.find()).as(id + " on the board").isTrue();
        return Integer.parseInt(figure.group(1));
    }

    /** The board's row of an incident. */
    private static String boardRow(String board, UUID incidentId) {
        return section(board, "data-incident=\"" + incidentId + "\"", "</tr>");
    }

    /** The last value of a JSON array field: today's figure. */
    private static String lastOf(String json, String field) {
        Matcher array = Pattern.compile("\"" + field + "\":\\[([^\\]]*)\\]").matcher(json);
        assertThat(array.find()).as(field + " in " + json).isTrue();
        String[] values = array.group(1).split(",");
        assertThat(values).hasSize(7);
        return values[values.length - 1].strip();
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpClient loggedIn(String user) throws Exception {
        HttpClient browser = browser();
        String token = csrf(browser.send(get("/dashboard/login"), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> login = browser.send(form("/dashboard/login",
                "username=" + user + "&password=" + user + "-pw&_csrf=" + token), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/dashboard");
        return browser;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The part of a page from {@code from} to the next {@code to}; fails when it is not there. */
    private static String section(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from + " on the page").isNotNegative();
        int end = page.indexOf(to, start + from.length());
        return page.substring(start, end < 0 ? page.length() : end + to.length());
    }

    private static String heldNotices(String page) {
        return section(page, "id=\"held-notices\"", "</section>");
    }

    private static String suggestions(String page) {
        return section(page, "id=\"suggested-clients\"", "</table>");
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    }
}
