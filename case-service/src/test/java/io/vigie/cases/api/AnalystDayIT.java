package io.vigie.cases.api;

import io.vigie.cases.CaseServiceTestBase;
import io.vigie.events.ClassificationChange;
import io.vigie.events.Severity;
import io.vigie.events.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue #21, an analyst's day: finding a case from the SIEM's answer, clear errors, storms, clocks that apply. */
class AnalystDayIT extends CaseServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void shouldFindTheCaseHoldingAnAlertTheSiemWasAnsweredAbout() throws Exception {
        // given an incident of two alerts, resolved since, and another open incident
        UUID incidentId = UUID.randomUUID();
        UUID firstAlert = UUID.randomUUID();
        UUID secondAlert = UUID.randomUUID();
        openIncident(classified(incidentId, firstAlert, Severity.HIGH, "VPN brute force",
                ClassificationChange.OPENED, false, "acme"));
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), classified(incidentId, secondAlert, Severity.HIGH,
                "VPN brute force", ClassificationChange.ATTACHED, false, "acme"));
        await().atMost(Duration.ofSeconds(30)).until(() -> details(incidentId).get("alertCount").asLong() == 2);
        openIncident(Severity.HIGH, "Another incident", "acme");
        assertThat(post("analyst", "/api/cases/" + incidentId + "/resolution", """
                {"summary": "Locked out", "dataCompromised": false}""").statusCode()).isEqualTo(200);

        // when the analyst looks each alert up, an alert no case holds, a misspelt parameter and a bad id
        HttpResponse<String> byFirst = get("viewer", "/api/cases?alertId=" + firstAlert);
        HttpResponse<String> bySecond = get("viewer", "/api/cases?alertId=" + secondAlert);
        HttpResponse<String> byUnknown = get("viewer", "/api/cases?alertId=" + UUID.randomUUID());
        HttpResponse<String> misspelt = get("viewer", "/api/cases?alertid=" + firstAlert);
        HttpResponse<String> notAnId = get("viewer", "/api/cases?alertId=sid-42");

        // then each alert finds its (resolved) case and only it, and the mistakes are named
        assertThat(byFirst.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(byFirst.body()).findValuesAsString("id")).containsExactly(incidentId.toString());
        assertThat(JSON.readTree(byFirst.body()).get(0).get("status").asString()).isEqualTo("RESOLVED");
        assertThat(JSON.readTree(bySecond.body()).findValuesAsString("id")).containsExactly(incidentId.toString());
        assertThat(JSON.readTree(byUnknown.body()).size()).isZero();
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(misspelt.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(misspelt.body());
        assertThat(problem.get("detail").asString()).contains("alertid").contains("unknown query parameter")
                .contains("severity, status, client, category, assignee, alertId");
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("alertid");
        assertThat(problem.at("/errors/0/allowed").toString())
                .isEqualTo("[\"severity\",\"status\",\"client\",\"category\",\"assignee\",\"alertId\"]");
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notAnId.body()).at("/errors/0/field").asString()).isEqualTo("alertId");
    }

    @Test
    void shouldNameTheFieldAndTheAllowedValuesOfAnUnknownEnumValue() throws Exception {
        UUID incidentId = openIncident(Severity.MEDIUM, "Phishing wave", "acme");

        HttpResponse<String> status = get("viewer", "/api/cases?status=FOO");
        HttpResponse<String> severity = post("analyst", "/api/cases/" + incidentId + "/severity",
                "{\"severity\": \"URGENT\", \"reason\": \"spreading\"}");
        HttpResponse<String> action = post("analyst", "/api/cases/" + incidentId + "/actions",
                "{\"type\": \"NUKED\", \"description\": \"from orbit\"}");

        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode statusProblem = JSON.readTree(status.body());
        assertThat(statusProblem.get("detail").asString())
                .isEqualTo("status: must be one of OPEN, NOTIFIED, IN_PROGRESS, RESOLVED, CLOSED");
        assertThat(statusProblem.at("/errors/0/field").asString()).isEqualTo("status");
        assertThat(statusProblem.at("/errors/0/allowed").toString())
                .isEqualTo("[\"OPEN\",\"NOTIFIED\",\"IN_PROGRESS\",\"RESOLVED\",\"CLOSED\"]");
        assertThat(severity.statusCode()).isEqualTo(400);
        assertThat(severity.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode severityProblem = JSON.readTree(severity.body());
        assertThat(severityProblem.get("detail").asString())
                .isEqualTo("severity: must be one of CRITICAL, HIGH, MEDIUM, LOW");
        assertThat(severityProblem.at("/errors/0/field").asString()).isEqualTo("severity");
        assertThat(severityProblem.at("/errors/0/message").asString())
                .isEqualTo("must be one of CRITICAL, HIGH, MEDIUM, LOW");
        assertThat(action.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(action.body()).get("detail").asString())
                .startsWith("type: must be one of CONTAINMENT, EVIDENCE_COLLECTED, PASSWORD_RESET");
        assertThat(timelineSize(incidentId)).isEqualTo(1);
    }

    @Test
    void shouldLetTheCommunicationsTeamAddNotesAndLogCalls() throws Exception {
        UUID incidentId = openIncident(Severity.HIGH, "Webmail compromise", "acme");

        HttpResponse<String> note = post("comms", "/api/cases/" + incidentId + "/notes",
                "{\"text\": \"Acme's CISO asks for a call at 15:00.\"}");
        HttpResponse<String> call = post("comms", "/api/cases/" + incidentId + "/calls", """
                {"clientId": "acme", "contact": "Jane Doe, CISO", "summary": "Walked her through the measures."}""");
        HttpResponse<String> byViewer = post("viewer", "/api/cases/" + incidentId + "/notes", "{\"text\": \"x\"}");

        assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        JsonNode timeline = JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline").body());
        assertThat(timeline.findValuesAsString("type")).containsExactly("ALERT_CLASSIFIED", "NOTE", "CLIENT_CALL");
        assertThat(timeline.get(1).get("actor").asString()).isEqualTo("comms");
        assertThat(timeline.get(1).get("content").asString()).isEqualTo("Acme's CISO asks for a call at 15:00.");
        assertThat(timeline.get(2).get("actor").asString()).isEqualTo("comms");
        assertThat(page("comms", "/dashboard/cases/" + incidentId)).contains("id=\"note-form\"");
    }

    @Test
    void shouldSayHowManyAlertsAStormHoldsAndPageThroughThem() throws Exception {
        // given a storm: one incident of 105 alerts
        UUID incidentId = UUID.randomUUID();
        openIncident(classified(incidentId, UUID.randomUUID(), Severity.CRITICAL, "DDoS on the portal",
                ClassificationChange.OPENED, false, "acme"));
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 1; i < 105; i++) {
            sent.add(kafka.send(Topics.ALERT_CLASSIFIED, incidentId.toString(), classified(incidentId,
                    UUID.randomUUID(), Severity.CRITICAL, "DDoS on the portal", ClassificationChange.ATTACHED, false,
                    "acme")));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofSeconds(60)).until(() -> details(incidentId).get("alertCount").asLong() == 105);

        // when the analyst reads the case and pages through its alerts
        JsonNode details = details(incidentId);
        String alerts = "/api/cases/" + incidentId + "/alerts";
        JsonNode first = JSON.readTree(get("viewer", alerts + "?offset=0&limit=50").body());
        JsonNode second = JSON.readTree(get("viewer", alerts + "?offset=50&limit=50").body());
        JsonNode last = JSON.readTree(get("viewer", alerts + "?offset=100&limit=50").body());
        JsonNode byDefault = JSON.readTree(get("viewer", alerts).body());

        // then the case counts them all, lists the first 100, and the pages hold each alert once
        assertThat(details.get("alertCount").asLong()).isEqualTo(105);
        assertThat(details.get("alerts").size()).isEqualTo(100);
        assertThat(first.get("total").asLong()).isEqualTo(105);
        assertThat(first.get("alerts").size()).isEqualTo(50);
        assertThat(second.get("alerts").size()).isEqualTo(50);
        assertThat(last.get("alerts").size()).isEqualTo(5);
        assertThat(last.get("offset").asLong()).isEqualTo(100);
        assertThat(byDefault.get("limit").asInt()).isEqualTo(100);
        Set<String> ids = new HashSet<>();
        for (JsonNode page : List.of(first, second, last)) {
            page.get("alerts").forEach(alert -> ids.add(alert.get("alertId").asString()));
        }
        assertThat(ids).hasSize(105);
        assertThat(first.get("alerts").get(0).get("alertId").asString())
                .isEqualTo(details.get("alerts").get(0).get("alertId").asString());

        // and bad paging is refused naming the parameter
        for (String bad : List.of("?limit=501", "?limit=0", "?offset=-1", "?limit=ten")) {
            HttpResponse<String> refused = get("viewer", alerts + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(JSON.readTree(refused.body()).at("/errors/0/field").asString())
                    .isEqualTo(bad.substring(1, bad.indexOf('=')));
        }
        assertThat(get("viewer", "/api/cases/" + UUID.randomUUID() + "/alerts").statusCode()).isEqualTo(404);

        // and the case page shows the total
        assertThat(page("viewer", "/dashboard/cases/" + incidentId)).contains("105 alerts")
                .contains("The first 100 of 105 are listed.");
    }

    @Test
    void shouldShowNoClientAffectedInsteadOfANotifyClock() throws Exception {
        // given a CRITICAL incident triage does not notify, one dismissed by an analyst, one with a client
        UUID internal = openIncident(Severity.CRITICAL, "Port scan from the SOC's scanner");
        UUID dismissed = openIncident(unattributed(UUID.randomUUID(), UUID.randomUUID(), "bastion-lab",
                ClassificationChange.OPENED));
        assertThat(post("analyst", "/api/cases/" + dismissed + "/attribution/dismissal",
                "{\"reason\": \"the SOC's own lab host\"}").statusCode()).isEqualTo(200);
        UUID withClient = openIncident(Severity.CRITICAL, "Ransomware on Acme's file server", "acme");

        // when the 15 minutes of a CRITICAL notice pass with no notice sent
        clock.advance(Duration.ofMinutes(20));

        // then the incidents with nobody to notify say so instead of a clock or a breach, the other one breached
        for (UUID incidentId : List.of(internal, dismissed)) {
            JsonNode details = details(incidentId);
            assertThat(details.get("notifyClock").asString()).isEqualTo("NO_CLIENT_AFFECTED");
            assertThat(details.get("clocks").findValuesAsString("kind")).doesNotContain("NOTIFY", "ACKNOWLEDGE");
            assertThat(details.get("clocks").findValuesAsString("state")).doesNotContain("BREACHED");
            assertThat(page("viewer", "/dashboard/cases/" + incidentId)).contains("no client affected");
        }
        JsonNode notified = details(withClient);
        assertThat(notified.get("notifyClock").asString()).isEqualTo("BREACHED");
        assertThat(page("viewer", "/dashboard/cases/" + withClient)).doesNotContain("no client affected");
    }

    private JsonNode details(UUID incidentId) throws Exception {
        HttpResponse<String> response = get("viewer", "/api/cases/" + incidentId);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A dashboard page as {@code user} sees it once logged in. */
    private String page(String user, String path) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(request("/dashboard/login").GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = CSRF.matcher(login);
        assertThat(token.find()).as("a CSRF token on the login page").isTrue();
        HttpResponse<String> loggedIn = browser.send(request("/dashboard/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "-pw&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.headers().firstValue("Location")).get().asString().endsWith("/dashboard");
        HttpResponse<String> page = browser.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
