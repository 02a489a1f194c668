package io.vigie.postmortem;

import io.vigie.test.PageBrowser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PagesIT extends PostmortemITSupport {

    @Test
    void shouldSendAnonymousVisitorsToTheLoginForm() throws Exception {
        PageBrowser anonymous = new PageBrowser(port, "/postmortems");

        HttpResponse<String> page = anonymous.get("/postmortems");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        // The login form's style sheet too, without a Basic challenge (a browser would stop at a password prompt).
        HttpResponse<String> style = anonymous.get("/default-ui.css");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void shouldKeepTheSessionInItsOwnLaxHttpOnlyCookieAndSendAStrictPolicyOnEveryPage() throws Exception {
        PageBrowser browser = new PageBrowser(port, "/postmortems");
        HttpResponse<String> loginPage = browser.get("/login");
        browser.csrf = PageBrowser.token(loginPage.body());

        HttpResponse<String> login = browser.post("/login", List.of(Map.entry("username", ANALYST),
                Map.entry("password", ANALYST + "-pw")), true);
        HttpResponse<String> list = browser.get("/postmortems");

        // Not JSESSIONID: the dashboard on the same host keeps its own session under its own name.
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("VIGIE_POSTMORTEM_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        for (HttpResponse<String> page : List.of(loginPage, list)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'"));
        }
    }

    @Test
    void shouldLetAnAnalystCompleteAndAManagerApproveThroughThePages() throws Exception {
        JsonNode draft = drafted(Scenario.accountCompromise());
        String id = draft.get("id").asString();
        PageBrowser analyst = new PageBrowser(port, "/postmortems").login(ANALYST);

        HttpResponse<String> page = analyst.get("/postmortems/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Account takeover on the payroll portal", "Timeline", "NOTICE_ACKNOWLEDGED",
                "time to notify", "Approve and close the incident");
        assertThat(analyst.get("/postmortems").body()).contains("/postmortems/" + id);

        // without the form's CSRF token the post is refused
        assertThat(analyst.post("/postmortems/" + id + "/analysis", List.of(Map.entry("rootCause", "x")), false)
                .statusCode()).isEqualTo(403);

        HttpResponse<String> saved = analyst.post("/postmortems/" + id + "/analysis", List.of(
                Map.entry("fiveWhys", "Password leaked\nPassword reused"),
                Map.entry("rootCause", "No MFA on <b>the</b> portal"),
                Map.entry("rootCauseCategory", "PROCESS"),
                Map.entry("ishikawa.TECHNOLOGY", "No MFA"),
                Map.entry("worked.DETECTION", "Splunk caught it"),
                Map.entry("lessonsLearned", "MFA everywhere"),
                Map.entry("actionId", ""), Map.entry("actionDescription", "Enforce MFA"),
                Map.entry("actionOwner", "bob"), Map.entry("actionDue", "2026-12-15"),
                Map.entry("actionKind", "PREVENTIVE"),
                Map.entry("actionId", ""), Map.entry("actionDescription", ""), Map.entry("actionOwner", ""),
                Map.entry("actionDue", ""), Map.entry("actionKind", "OTHER")), true);
        assertThat(saved.statusCode()).isEqualTo(302);

        JsonNode analysis = json.readTree(call("GET", "/api/postmortems/" + id, VIEWER, null).body()).get("analysis");
        assertThat(analysis.get("rootCause").asString()).isEqualTo("No MFA on <b>the</b> portal");
        assertThat(DraftIT.strings(analysis.get("fiveWhys"))).containsExactly("Password leaked", "Password reused");
        assertThat(analysis.get("actionItems")).hasSize(1);
        assertThat(analysis.get("actionItems").get(0).get("owner").asString()).isEqualTo("bob");
        assertThat(analyst.get("/postmortems/" + id).body()).contains("No MFA on &lt;b&gt;the&lt;/b&gt; portal")
                .doesNotContain("<b>the</b>");

        PageBrowser viewer = new PageBrowser(port, "/postmortems").login(VIEWER);
        assertThat(viewer.post("/postmortems/" + id + "/approval", List.of(), true).statusCode()).isEqualTo(403);
        assertThat(analyst.post("/postmortems/" + id + "/approval", List.of(), true).statusCode()).isEqualTo(403);

        PageBrowser manager = new PageBrowser(port, "/postmortems").login(MANAGER);
        assertThat(manager.post("/postmortems/" + id + "/approval", List.of(), true).statusCode()).isEqualTo(302);
        assertThat(json.readTree(call("GET", "/api/postmortems/" + id, VIEWER, null).body()).get("status")
                .asString()).isEqualTo("APPROVED");
        assertThat(manager.get("/postmortems/" + id).body()).contains("Approved by manager")
                .doesNotContain("Approve and close the incident");
        HttpResponse<String> pdfLink = manager.get("/postmortems/" + id + "/report.pdf");
        assertThat(pdfLink.statusCode()).isEqualTo(200);
        assertThat(pdfLink.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }

    @Test
    void shouldShowWhatIsMissingWhenAManagerApprovesTooEarly() throws Exception {
        String id = drafted(Scenario.accountCompromise()).get("id").asString();
        PageBrowser manager = new PageBrowser(port, "/postmortems").login(MANAGER);

        HttpResponse<String> approval = manager.post("/postmortems/" + id + "/approval", List.of(), true);
        HttpResponse<String> page = manager.get("/postmortems/" + id);

        assertThat(approval.statusCode()).isEqualTo(302);
        assertThat(page.body()).contains("rootCause: the root cause is not stated");
        assertThat(json.readTree(call("GET", "/api/postmortems/" + id, VIEWER, null).body()).get("status")
                .asString()).isEqualTo("DRAFT");
    }
}
