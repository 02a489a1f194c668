package io.vigie.cases.dashboard;

import io.vigie.test.Chromium;
import io.vigie.cases.CaseServiceTestBase;
import io.vigie.cases.incident.CaseProjectionIT;
import io.vigie.cases.incident.ClientConversationIT;
import io.vigie.cases.regulatory.RegulatoryReportsIT;
import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.RegulatoryChange;
import io.vigie.events.Severity;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium: log in, watch a new incident arrive on the board without a reload,
 * open it, watch its first notice arrive, confirm a suggested client, post a client update in two languages,
 * resolve it; detach a client and attach another, with their reasons. Screenshots go to {@code target/screenshots/}.
 */
class DashboardBrowserIT extends CaseServiceTestBase {

    @RegisterExtension
    static final Chromium chromium = Chromium.window(1440, 1000);

    private final WebDriver browser = chromium.driver();

    @Test
    void shouldShowANewIncidentLiveAndLetAnAnalystUpdateAndResolveIt() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String title = "Locked admin account on vpn-gw-" + UUID.randomUUID().toString().substring(0, 8);

        // given a logged-in analyst looking at the board
        chromium.logIn("http://127.0.0.1:" + port + "/dashboard", "analyst");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "connected"));
        ((JavascriptExecutor) browser).executeScript("window.vigieMarker = 'loaded once';");

        // when triage classifies a new incident
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), suggesting(classified(incidentId, UUID.randomUUID(),
                Severity.CRITICAL, title, ClassificationChange.OPENED, true, "acme", "globex"), "initech"));

        // then it appears on the open page, without a reload
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText(title)));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.vigieMarker;"))
                .isEqualTo("loaded once");
        screenshot("1-board-live.png");

        // when the analyst opens it and posts an update for the clients
        browser.findElement(By.linkText(title)).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-title"), title));
        ((JavascriptExecutor) browser).executeScript("window.vigieMarker = 'case page loaded once';");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "connected"));

        // and sees the first notice go out while the case page is open
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.notice(incidentId, "acme", DeliveryOutcome.SENT));
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "NOTIFIED"));
        assertThat(browser.findElement(By.cssSelector("section.clients")).getText()).contains("SENT");
        // and sees the report the law asks of acme arrive as regulatory-service opened it, with its deadline and rule
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(), RegulatoryReportsIT.art33(incidentId, "acme",
                RegulatoryChange.OPENED, clock.instant().minus(Duration.ofMinutes(68 * 60 + 50))
                        .truncatedTo(ChronoUnit.MILLIS)).build());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("regulatory-reports"), "due in 3 h"));
        assertThat(browser.findElement(By.id("regulatory-reports")).getText()).contains("Regulatory reports",
                RegulatoryReportsIT.ART_33, "acme", "OPEN", RegulatoryReportsIT.ART_33_RULE);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.vigieMarker;"))
                .isEqualTo("case page loaded once");
        // and confirms the client the alert only suggested
        assertThat(browser.findElement(By.id("suggested-clients")).getText())
                .contains("Suggested clients — not notified until confirmed").contains("initech");
        screenshot("2-case-suggested-client.png");
        browser.findElement(By.cssSelector("#suggested-clients form.confirm-client button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "Client initech confirmed"));
        assertThat(browser.findElements(By.id("suggested-clients"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("section.clients")).getText()).contains("initech");

        // and writes the update in English and French (no notice told the contacts' languages: all three asked)
        assertThat(browser.findElements(By.cssSelector("#client-update-form textarea[name^='clientMessages.']")))
                .hasSize(3);
        browser.findElement(By.id("update-message-en")).sendKeys("The account is locked and the attacker's address blocked.");
        browser.findElement(By.id("update-message-fr")).sendKeys("Le compte est verrouillé et l'adresse de l'attaquant bloquée.");
        browser.findElement(By.cssSelector("#client-update-form input[name='measures'][value='ACCOUNT_LOCKED']")).click();
        browser.findElement(By.id("post-update")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "Update posted"));
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("Client update in fr, en:")
                .contains("[en] The account is locked and the attacker's address blocked.")
                .contains("Measures taken: Account locked.")
                .contains("analyst");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("IN_PROGRESS");

        // and resolves it
        browser.findElement(By.id("resolve-summary")).sendKeys("Password reset, MFA enforced, no data taken.");
        browser.findElement(By.id("resolve-message-en")).sendKeys("The account is safe again; no data was taken.");
        browser.findElement(By.id("resolve")).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "RESOLVED"));
        assertThat(browser.findElement(By.id("chain-status")).getText()).startsWith("hash chain intact");
        browser.manage().window().setSize(new Dimension(1440, 1600)); // the whole timeline in the picture
        screenshot("3-case-resolved.png");

        IncidentResolved resolved = awaitRecord(Topics.INCIDENT_RESOLVED, IncidentResolved.class,
                event -> event.getIncidentId().equals(incidentId));
        assertThat(resolved.getResolvedBy()).isEqualTo("analyst");
        assertThat(resolved.getSummary()).isEqualTo("Password reset, MFA enforced, no data taken.");
        assertThat(resolved.getClientMessages())
                .containsExactlyEntriesOf(Map.of("en", "The account is safe again; no data was taken."));
        assertThat(resolved.getAffectedClientIds()).containsExactly("acme", "globex", "initech");
    }

    @Test
    void shouldCountDownANoticeHeldForReviewAndLetTheCommunicationsTeamApproveIt() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String title = "Mailbox rule forwarding to an outside address " + UUID.randomUUID().toString().substring(0, 8);
        UUID incidentId = openIncident(Severity.HIGH, title, "globex");

        // given the communications team's user on the case page
        openCaseAsComms(wait, incidentId, title);

        // when notification-service holds a notice to globex for review, for an English-speaking contact
        UUID noticeId = UUID.randomUUID();
        Instant heldUntil = clock.instant().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.MILLIS);
        String at = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(heldUntil);
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.held(incidentId, "globex", noticeId, "en", heldUntil));

        // then it appears on the open page, counting down to when it goes out (the page's script keeps the count
        // from the server's time)
        By notice = By.id("held-notice-" + noticeId);
        By countdown = By.cssSelector("#held-notice-" + noticeId + " .countdown");
        wait.until(ExpectedConditions.visibilityOfElementLocated(notice));
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(countdown), "data-drawn-at"));
        assertThat(browser.findElement(countdown).getText()).isEqualTo("goes out in 20 min at " + at);
        assertThat(browser.findElement(notice).getText()).contains("globex", "INITIAL 1", "contacts read EN");

        // when the user writes a sentence while the notice's French contact is reported (the page redraws)
        By english = By.id("approve-" + noticeId + "-en");
        browser.findElement(english).sendKeys("We will call you within the hour.");
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.held(incidentId, "globex", noticeId, "fr", heldUntil));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve-" + noticeId + "-fr")));

        // then the redraw kept what was typed, and the form asks for the French contacts too
        assertThat(browser.findElement(english).getDomProperty("value")).isEqualTo("We will call you within the hour.");
        assertThat(browser.findElement(notice).getText()).contains("Add a sentence for the contacts reading French")
                .contains("Contacts whose language has no text get the notice without an added text.");
        screenshot("4-notice-awaiting-review.png");

        // when the user approves it with the English sentence only
        browser.findElement(By.cssSelector("#held-notice-" + noticeId + " button.approve")).click();

        // then notification-service is told to send it now, and the page says so
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "Notice approved"));
        assertThat(browser.findElement(By.id("held-notices")).getText()).contains("None is waiting now.")
                .contains("approved, sending (approved by comms)");
        IncidentUpdated approval = awaitRecord(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.NOTICE_APPROVED);
        assertThat(approval.getApprovedNoticeId()).isEqualTo(noticeId);
        assertThat(approval.getClientMessages()).containsExactlyEntriesOf(Map.of("en",
                "We will call you within the hour."));
    }

    @Test
    void shouldShowAClientQuestionLiveAndLetTheCommunicationsTeamAnswerIt() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String title = "Payroll export on a public share " + UUID.randomUUID().toString().substring(0, 8);
        UUID incidentId = openIncident(Severity.HIGH, title, "acme");

        // given the communications team's user on the case page
        openCaseAsComms(wait, incidentId, title);

        // when a client's contact asks a question on the question page
        ClientMessageReceived question = ClientConversationIT.message(incidentId, "acme", "fr",
                "Nos bulletins de paie ont-ils été copiés ?");
        publish(Topics.CLIENT_MESSAGES, incidentId.toString(), question);

        // then it appears on the open page, unanswered, with when its answer is due and a form in French
        By message = By.id("message-" + question.getMessageId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(message));
        assertThat(browser.findElement(message).getText()).contains("Question from Jeanne Martin (acme)",
                "Nos bulletins de paie ont-ils été copiés ?", "unanswered", "answer due in",
                "Answer in Français (French), the language of Jeanne Martin");

        // when the user writes the answer while an email reply arrives (the page redraws)
        By answer = By.id("answer-" + question.getMessageId());
        browser.findElement(answer).sendKeys("Non : le partage a été fermé avant toute copie.");
        ClientMessageReceived reply = ClientConversationIT.message(incidentId, "acme", "en", "And the backups?");
        publish(Topics.CLIENT_MESSAGES, incidentId.toString(), reply);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message-" + reply.getMessageId())));

        // then what was typed survived, and the answer is sent with the form
        assertThat(browser.findElement(answer).getDomProperty("value"))
                .isEqualTo("Non : le partage a été fermé avant toute copie.");
        screenshot("5-client-questions.png");
        browser.findElement(By.cssSelector("#message-" + question.getMessageId() + " button.send-answer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "Answer sent"));
        assertThat(browser.findElement(message).getText()).contains("answered", "by comms",
                "Non : le partage a été fermé avant toute copie.");
        assertThat(browser.findElement(By.id("client-questions")).getText()).contains("1 unanswered");
    }

    @Test
    void shouldLetAnAnalystDetachAClientAndAttachAnotherWithTheirReasons() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String title = "Suspicious VPN logins " + UUID.randomUUID().toString().substring(0, 8);
        UUID incidentId = openIncident(Severity.HIGH, title, "acme", "globex");

        // given an analyst on the case page, typing why acme is not affected while a notice to globex goes out
        openCaseAs("analyst", wait, incidentId, title);
        By acmeReason = By.id("detach-reason-acme");
        browser.findElement(acmeReason).sendKeys("The gateway moved to initech's tenant");
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.notice(incidentId, "globex", DeliveryOutcome.SENT));
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "NOTIFIED"));

        // then the redraw kept the reason, and detaching acme takes it off the clients with who and why
        assertThat(browser.findElement(acmeReason).getDomProperty("value"))
                .isEqualTo("The gateway moved to initech's tenant");
        browser.findElement(By.cssSelector("tr[data-client='acme'] form.detach-client button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "Client acme detached"));
        assertThat(browser.findElement(By.id("detached-clients")).getText())
                .contains("acme, by analyst").contains("The gateway moved to initech's tenant");

        // when the analyst attaches initech with its reason
        browser.findElement(By.id("attach-client")).sendKeys("initech");
        browser.findElement(By.id("attach-reason")).sendKeys("The gateway is initech's now");
        browser.findElement(By.id("attach")).click();

        // then initech is an affected client and the timeline says both, with who and why
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "Client initech attached"));
        assertThat(browser.findElements(By.cssSelector("section.clients tr[data-client]")))
                .extracting(row -> row.getDomAttribute("data-client")).containsExactly("globex", "initech");
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("Client acme detached: The gateway moved to initech's tenant")
                .contains("Client initech attached: The gateway is initech's now");
        screenshot("6-client-attached-and-detached.png");
    }

    /** Logs in afresh as the communications user and waits for the case page to be live. */
    private void openCaseAsComms(WebDriverWait wait, UUID incidentId, String title) {
        openCaseAs("comms", wait, incidentId, title);
    }

    /** Logs in afresh as {@code user} and waits for the case page to be live. */
    private void openCaseAs(String user, WebDriverWait wait, UUID incidentId, String title) {
        browser.manage().deleteAllCookies();
        chromium.logIn("http://127.0.0.1:" + port + "/dashboard/cases/" + incidentId, user);
        wait.until(ExpectedConditions.textToBe(By.id("case-title"), title));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "connected"));
    }

    private static void screenshot(String name) {
        chromium.screenshot(name);
    }
}
