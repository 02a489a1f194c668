package io.vigie.regulatory;

import io.vigie.test.PageBrowser;
import io.vigie.events.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The SOC's pages over HTTP, as a browser uses them: a session, the forms' CSRF tokens, redirects after posts. */
class PagesIT extends RegulatoryITSupport {

    @Test
    void shouldSendAnonymousVisitorsToTheLoginFormWithTheServicesOwnSessionCookie() throws Exception {
        PageBrowser anonymous = new PageBrowser(port, "/regulatory");

        HttpResponse<String> page = anonymous.get("/regulatory");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        PageBrowser viewer = new PageBrowser(port, "/regulatory");
        viewer.csrf = PageBrowser.token(viewer.get("/login").body());
        HttpResponse<String> login = viewer.post("/login", List.of(Map.entry("username", VIEWER),
                Map.entry("password", VIEWER + "-pw")), true);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("VIGIE_REGULATORY_SESSION=").contains("HttpOnly"));
        assertThat(viewer.get("/regulatory").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self';"));
    }

    @Test
    void shouldLetTheSocFollowAReportFromTheProfileToTheSubmissionThroughThePages() throws Exception {
        String client = newClient();
        PageBrowser manager = new PageBrowser(port, "/regulatory").login(MANAGER);

        // given a manager who saves the client's profile through the form
        HttpResponse<String> saved = manager.post("/regulatory/clients/" + client, List.of(
                Map.entry("language", "fr"),
                Map.entry("gdprContactPoint", "Jeanne Martin, dpo@client.example"),
                Map.entry("gdprAuthority", "CNIL"),
                Map.entry("nis2EntityType", "ESSENTIAL"), Map.entry("nis2Authority", "ANSSI (CSIRT)"),
                Map.entry("doraAuthority", "")), true);
        assertThat(saved.statusCode()).isEqualTo(302);
        JsonNode profile = json.readTree(call("GET", "/api/clients/" + client + "/regimes", VIEWER, null).body());
        assertThat(profile.get("language").asString()).isEqualTo("fr");
        assertThat(profile.get("nis2").get("entityType").asString()).isEqualTo("ESSENTIAL");
        assertThat(profile.get("dora").isNull()).isTrue();
        assertThat(manager.get("/regulatory/clients/" + client).body())
                .contains("Profile saved", "Bound by GDPR, NIS2", "No personal-data breach recorded.");

        // when a critical personal-data incident is classified, 20 h 50 min ago
        UUID incident = UUID.randomUUID();
        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, true, client));
        awaitReports(incident, 3);
        clock.advance(Duration.ofHours(20).plusMinutes(50));

        // then the list shows its reports, the NIS2 early warning (24 h) first, with how long is left
        String shortId = incident.toString().substring(0, 8);
        String overview = manager.get("/regulatory").body();
        String warning = row(overview, shortId, "NIS2_EARLY_WARNING");
        assertThat(warning).contains(client, "NIS2", "NIS2 early warning to the CSIRT or competent authority",
                "NIS2 Art. 23(4)(a)", "UTC");
        assertThat(warning).containsPattern("due in 3 h (9|10) min");
        assertThat(row(overview, shortId, "GDPR_AUTHORITY_NOTIFICATION")).containsPattern("due in 2 d 3 h");
        assertThat(overview.indexOf(warning)).isLessThan(overview.indexOf(row(overview, shortId,
                "GDPR_AUTHORITY_NOTIFICATION")));
        assertThat(overview).contains("/regulatory/clients/" + client);

        // and the incident page shows the drafts in the filing language, with what is missing
        String page = manager.get("/regulatory/incidents/" + incident).body();
        assertThat(page).contains("Alerte précoce", "Impact transfrontière possible",
                "Missing: crossBorderImpact: Impact transfrontière possible", "export.pdf", "Confirm",
                "Move awareness");

        // when communications saves a draft version, hostile text included
        PageBrowser comms = new PageBrowser(port, "/regulatory").login(COMMS);
        String draft = "/regulatory/incidents/" + incident + "/clients/" + client + "/reports/NIS2_EARLY_WARNING/draft";
        HttpResponse<String> savedDraft = comms.post(draft, List.of(
                Map.entry("element.suspectedMalicious", "Oui : exfiltration"),
                Map.entry("element.crossBorderImpact", "Non <script>alert('x')</script>")), true);
        assertThat(savedDraft.statusCode()).isEqualTo(302);
        JsonNode saved1 = json.readTree(call("GET", "/api/incidents/" + incident + "/clients/" + client
                + "/reports/NIS2_EARLY_WARNING/draft", VIEWER, null).body());
        assertThat(saved1.get("version").asInt()).isEqualTo(1);
        assertThat(saved1.get("missing")).isEmpty();

        // then it comes back escaped, and communications sees no submission form
        String commsPage = comms.get("/regulatory/incidents/" + incident).body();
        assertThat(commsPage).contains("Draft saved.", "Non &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("Record as submitted");

        // when a viewer or communications posts what only a manager may: refused, whatever the page shows
        PageBrowser viewer = new PageBrowser(port, "/regulatory").login(VIEWER);
        String submission = draft.replace("/draft", "/submission");
        assertThat(viewer.post(draft, List.of(Map.entry("element.crossBorderImpact", "x")), true).statusCode())
                .isEqualTo(403);
        assertThat(viewer.post("/regulatory/clients/" + client, List.of(Map.entry("language", "en")), true)
                .statusCode()).isEqualTo(403);
        assertThat(comms.post(submission, List.of(Map.entry("authorityReference", "x")), true).statusCode())
                .isEqualTo(403);
        // and without the form's token even a manager's post is refused
        assertThat(manager.post(submission, List.of(Map.entry("authorityReference", "x")), false).statusCode())
                .isEqualTo(403);

        // when the manager records the submission with the authority's reference
        HttpResponse<String> submitted = manager.post(submission,
                List.of(Map.entry("authorityReference", "CERT-FR-2026-0042")), true);
        assertThat(submitted.statusCode()).isEqualTo(302);

        // then the report leaves the list, and its page shows who filed it and when
        String after = manager.get("/regulatory").body();
        assertThat(after).contains(shortId);
        assertThat(rows(after, shortId)).noneMatch(r -> r.contains("NIS2_EARLY_WARNING"));
        assertThat(manager.get("/regulatory/incidents/" + incident).body())
                .contains("Submission recorded", "CERT-FR-2026-0042", "by manager");
        assertThat(report(awaitReports(incident, 3), client, "NIS2_EARLY_WARNING").get("state").asString())
                .isEqualTo("SUBMITTED");
        HttpResponse<String> pdf = viewer.get(draft.replace("/draft", "/export.pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(viewer.get(draft.replace("/draft", "/export.json")).body()).contains("CERT-FR-2026-0042");
    }

    @Test
    void shouldNameTheFieldWhenAProfileIsRefusedAndTheElementWhenASubmissionIsIncomplete() throws Exception {
        String client = newClient();
        PageBrowser manager = new PageBrowser(port, "/regulatory").login(MANAGER);

        manager.post("/regulatory/clients/" + client, List.of(Map.entry("language", "en"),
                Map.entry("gdprContactPoint", "dpo@client.example"), Map.entry("gdprAuthority", "")), true);

        String page = manager.get("/regulatory/clients/" + client).body();
        assertThat(page).contains("gdpr.supervisoryAuthority: must not be blank")
                .contains("value=\"dpo@client.example\"");
        assertThat(call("GET", "/api/clients/" + client + "/regimes", VIEWER, null).statusCode()).isEqualTo(404);

        // a GDPR client, an incident: the Art. 33 notification cannot be filed with its mandatory elements empty
        manager.post("/regulatory/clients/" + client, List.of(Map.entry("language", "en"),
                Map.entry("gdprContactPoint", "dpo@client.example"), Map.entry("gdprAuthority", "CNIL")), true);
        UUID incident = UUID.randomUUID();
        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, true, client));
        awaitReports(incident, 1);
        manager.post("/regulatory/incidents/" + incident + "/clients/" + client
                + "/reports/GDPR_AUTHORITY_NOTIFICATION/submission", List.of(Map.entry("authorityReference", "R1")), true);
        assertThat(manager.get("/regulatory/incidents/" + incident).body())
                .contains("approximateDataSubjects: mandatory and empty", "Elements provided later, in phases");

        // a decision without its reason is refused by the API's own validation, shown on the page
        manager.post("/regulatory/incidents/" + incident + "/clients/" + client + "/gdpr-decision",
                List.of(Map.entry("notifyAuthority", "false"), Map.entry("reason", " ")), true);
        assertThat(manager.get("/regulatory/incidents/" + incident).body()).contains("reason: must not be blank");
    }

    @Test
    void shouldLetAManagerOverrideARegimeAndMoveAwarenessFromTheIncidentPage() throws Exception {
        String client = newClient();
        profile(client, ReportClocksIT.GDPR_AND_NIS2);
        UUID incident = UUID.randomUUID();
        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, true, client));
        awaitReports(incident, 3);
        PageBrowser manager = new PageBrowser(port, "/regulatory").login(MANAGER);
        String clientPath = "/regulatory/incidents/" + incident + "/clients/" + client;

        // when the manager overrides the NIS2 proposal, with a reason
        assertThat(manager.post(clientPath + "/regimes/NIS2/decision", List.of(Map.entry("applies", "false"),
                Map.entry("reason", "Contained in minutes: not significant")), true).statusCode()).isEqualTo(302);

        // then its reports are withdrawn and leave the list
        JsonNode reports = awaitReports(incident, 3);
        assertThat(report(reports, client, "NIS2_EARLY_WARNING").get("state").asString()).isEqualTo("WITHDRAWN");
        String shortId = incident.toString().substring(0, 8);
        assertThat(rows(manager.get("/regulatory").body(), shortId)).hasSize(1)
                .allMatch(r -> r.contains("GDPR_AUTHORITY_NOTIFICATION"));
        assertThat(manager.get("/regulatory/incidents/" + incident).body())
                .contains("NIS2 overridden", "withdrawn", "Contained in minutes: not significant");

        // when the manager moves the client's awareness 10 hours back (the form's time is UTC)
        LocalDateTime earlier = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusHours(10)
                .truncatedTo(ChronoUnit.MINUTES);
        assertThat(manager.post(clientPath + "/awareness", List.of(Map.entry("awareAt", earlier.toString()),
                Map.entry("reason", "")), true).statusCode()).isEqualTo(302);
        assertThat(manager.get("/regulatory/incidents/" + incident).body()).contains("reason: must not be blank");
        manager.post(clientPath + "/awareness", List.of(Map.entry("awareAt", earlier.toString()),
                Map.entry("reason", "The client saw it first")), true);

        // then the Art. 33 deadline runs from it
        assertThat(Instant.parse(report(awaitReports(incident, 3), client, "GDPR_AUTHORITY_NOTIFICATION")
                .get("dueAt").asString())).isEqualTo(earlier.toInstant(ZoneOffset.UTC).plus(Duration.ofHours(72)));
    }

    /** The overview's row of one report of one incident. */
    private static String row(String html, String shortId, String report) {
        return rows(html, shortId).stream().filter(r -> r.contains("data-report=\"" + report + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError("No " + report + " row for " + shortId + " in " + html));
    }

    private static List<String> rows(String html, String shortId) {
        Matcher rows = Pattern.compile("<tr[^>]*>.*?</tr>", Pattern.DOTALL).matcher(html);
        return rows.results().map(m -> m.group()).filter(r -> r.contains(">" + shortId + "<")).toList();
    }
}
