package io.vigie.system;

import io.vigie.test.Chromium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.localstack.VigieService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The personal-data runbook case: Wazuh reports unauthorised access to a client's database of patient records. Vigie
 * must start the GDPR 72-hour clock (Article 33) from the detection, prepare the regulator notice for the DPO with
 * that deadline, tell the client's contacts, and show the clock on the ops dashboard.
 */
@ExtendWith(VigieSystemExtension.class)
class PersonalDataEndToEndIT {

    private static final Duration STEP = Duration.ofSeconds(90);
    private static final DateTimeFormatter WAZUH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DASHBOARD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static VigieSystem system;
    private static Chromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void connect(VigieSystem vigie) {
        system = vigie;
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldStartTheGdprClockPrepareTheRegulatorNoticeTellTheClientAndShowTheClockOnTheDashboard() throws Exception {
        // given a clinic whose PostgreSQL server holds its patients' records
        VigieSystem.Client clinic = system.newClient("clinic", "pgdb-{id}.clinic.example", "HIGH", "[\"PERSONAL\", \"HEALTH\"]");
        Instant detectedAt = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MILLIS);
        Instant gdprDeadline = detectedAt.plus(Duration.ofHours(72));

        // when Wazuh reports a query on it by an account that has no right to it
        HttpResponse<String> accepted = system.postWazuh(wazuhAlert(clinic, detectedAt));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        UUID alertId = UUID.fromString(VigieSystem.parse(accepted.body()).get("alertId").asText());

        // then the case is a CRITICAL data breach with personal data, its GDPR deadline 72 h after the detection
        JsonNode found = await().atMost(STEP).until(() -> system.casesOf(clinic), cases -> cases != null);
        assertThat(found).hasSize(1);
        String incidentId = found.get(0).get("id").asText();
        JsonNode theCase = system.get(VigieService.CASE, "/api/cases/" + incidentId);
        JsonNode incident = theCase.has("incident") ? theCase.get("incident") : theCase;
        assertThat(incident.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(incident.get("category").asText()).isEqualTo("DATA_BREACH");
        assertThat(incident.get("personalData").asBoolean()).as(incident.toString()).isTrue();
        assertThat(Instant.parse(incident.get("gdprDeadline").asText())).isEqualTo(gdprDeadline);

        // and notification-service has the Article 33 notice ready for the DPO, with the same deadline
        JsonNode notice = await().atMost(STEP).until(
                () -> system.get(VigieService.NOTIFICATION, "/api/regulator-notices/" + incidentId), n -> n != null);
        assertThat(Instant.parse(notice.get("deadline").asText())).as(notice.toString()).isEqualTo(gdprDeadline);
        assertThat(notice.get("overdue").asBoolean()).isFalse();
        assertThat(notice.toString()).contains(clinic.id(), "PERSONAL", "HEALTH");

        // and each of the clinic's contacts has exactly one notice, in their language
        await().atMost(STEP).untilAsserted(() -> {
            assertThat(system.emailsTo(clinic.frenchContact(), "")).hasSize(1);
            assertThat(system.emailsTo(clinic.englishContact(), "")).hasSize(1);
        });
        assertThat(VigieSystem.text(system.emailsTo(clinic.englishContact(), "").get(0)))
                .contains("Dear Sam Green", "GDPR article 33", "IMPACT", "personal data", "WHAT WE HAVE DONE",
                        "WHAT WE ADVISE YOU TO DO");
        assertThat(VigieSystem.text(system.emailsTo(clinic.frenchContact(), "").get(0))).contains("Claire Dubois");
        await().atMost(STEP).untilAsserted(() -> assertThat(
                system.get(VigieService.CASE, "/api/cases/" + incidentId).toString()).contains("\"SENT\""));
        assertThat(PipelineAccount.assertBalanced(system, List.of(alertId)))
                .containsEntry(alertId, UUID.fromString(incidentId));

        // and the dashboard shows the incident as a GDPR case and its 72-hour clock with the deadline
        startChromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        String dashboard = system.stack().service(VigieService.CASE).baseUrl() + "/dashboard";
        browser.get(dashboard);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("analyst");
        browser.findElement(By.id("password")).sendKeys(system.user("analyst").password());
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
        By row = By.cssSelector("tr.case-row[data-incident='" + incidentId + "']");
        WebElement boardRow = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(boardRow.findElement(By.cssSelector("span.gdpr")).getText()).isEqualTo("GDPR");
        assertThat(boardRow.getText()).contains("CRITICAL", "DATA_BREACH", clinic.id());
        screenshot("personal-data-1-board.png");

        boardRow.findElement(By.cssSelector("a.case-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-title")));
        WebElement gdprClock = browser.findElements(By.cssSelector("section.clocks tbody tr")).stream()
                .filter(clock -> clock.getText().startsWith("GDPR 72 h")).findFirst().orElseThrow(
                        () -> new AssertionError("no GDPR clock on the case page: " + browser.findElement(
                                By.cssSelector("section.clocks")).getText()));
        assertThat(gdprClock.getText()).contains("RUNNING", "72 h", DASHBOARD_TIME.format(gdprDeadline));
        screenshot("personal-data-2-case.png");
    }

    // The Wazuh alert as its integration posts it (see alert-intake-service's payloads/wazuh-alert.json): a database
    // rule of level 12 on the clinic's server, the agent labelled with the client.
    private static String wazuhAlert(VigieSystem.Client clinic, Instant detectedAt) {
        long epoch = detectedAt.getEpochSecond();
        return VigieSystem.toJson(Map.of(
                "timestamp", WAZUH_TIME.format(detectedAt),
                "rule", Map.of(
                        "level", 12,
                        "description", "Unauthorized access to database patient_records by account report_ro from 198.51.100.23",
                        "id", "100210",
                        "mitre", Map.of("id", List.of("T1078"), "tactic", List.of("Initial Access"),
                                "technique", List.of("Valid Accounts")),
                        "firedtimes", 1,
                        "mail", true,
                        "groups", List.of("postgresql", "database-intrusion"),
                        "gdpr", List.of("IV_32.2", "IV_33"),
                        "hipaa", List.of("164.312.b")),
                "agent", Map.of("id", "017", "name", clinic.asset(), "ip", "10.40.2.15",
                        "labels", Map.of("client", clinic.id())),
                "manager", Map.of("name", "wazuh-manager"),
                "id", epoch + "." + (epoch % 100000),
                "cluster", Map.of("name", "wazuh", "node", "master"),
                "full_log", "2026-11-23 02:14:07.113 UTC [48211] report_ro@patients LOG:  statement: "
                        + "SELECT name, birth_date, diagnosis FROM patient_records",
                "decoder", Map.of("parent", "postgresql", "name", "postgresql"),
                "data", Map.of("srcip", "198.51.100.23", "srcuser", "report_ro", "dstuser", "postgres"),
                "location", "/var/log/postgresql/postgresql-15-main.log"));
    }

    private static void startChromium() {
        chromium = Chromium.start(1440, 1200);
        browser = chromium.driver();
    }

    private static void screenshot(String name) {
        chromium.screenshot(name);
    }
}
