package io.vigie.regulatory;

import io.vigie.events.Topics;
import io.vigie.test.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real headless Chromium: log in, find the report on the list, open its incident, complete the
 * draft. Screenshots go to {@code target/screenshots/}. Like the other browser tests, it fails with the install
 * command when Chromium is missing (test-support's Chromium).
 */
class PagesBrowserIT extends RegulatoryITSupport {

    @RegisterExtension
    static final Chromium chromium = Chromium.window(1440, 1000);

    private final WebDriver browser = chromium.driver();

    @Test
    void shouldLetAManagerOpenADueReportFromTheListAndCompleteItsDraft() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String client = newClient();
        profile(client, ReportClocksIT.GDPR_AND_NIS2);
        UUID incident = UUID.randomUUID();
        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, true, client));
        awaitReports(incident, 3);
        String shortId = incident.toString().substring(0, 8);

        // given a manager signed in on the list
        chromium.logIn("http://127.0.0.1:" + port + "/regulatory", MANAGER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pending")));
        WebElement warning = browser.findElement(By.xpath("//tr[@data-report='NIS2_EARLY_WARNING'][td/a[text()='"
                + shortId + "']]"));
        assertThat(warning.getText()).contains(client).containsPattern("due in 2[34] h");
        chromium.screenshot("regulatory-1-list.png");

        // when the manager opens the incident and completes the early warning's draft
        warning.findElement(By.linkText(shortId)).click();
        String report = client + "-NIS2_EARLY_WARNING";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(report)));
        assertThat(browser.findElement(By.id(report)).getText()).contains("Missing: crossBorderImpact");
        browser.findElement(By.cssSelector("[id='" + report + "'] textarea[name='element.crossBorderImpact']"))
                .sendKeys("None: the clients are all in France.");
        browser.findElement(By.cssSelector("[id='" + report + "'] form.draft button")).click();

        // then the saved version shows, with nothing missing
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-notice"), "Draft saved."));
        assertThat(browser.findElement(By.id(report)).getText()).contains("version 1")
                .doesNotContain("Missing: crossBorderImpact");
        chromium.screenshot("regulatory-2-incident.png");
    }
}
