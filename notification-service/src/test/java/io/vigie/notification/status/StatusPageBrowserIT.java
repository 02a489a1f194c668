package io.vigie.notification.status;

import io.vigie.test.Chromium;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Measure;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.wording.PhraseBook;
import io.vigie.notification.wording.Phrases;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client contact's status page in a real headless Chromium, opened from the link of a real notice email: the
 * incident in the contact's language and time zone, an analyst's update arriving on the open page without a reload,
 * and another client's incident refused with the same link. Screenshots go to {@code target/screenshots/}.
 */
class StatusPageBrowserIT extends NotificationIntegrationTest {

    private static final Pattern STATUS_LINK = Pattern.compile("http://vigie\\.test(/status\\?t=\\S+)");
    private static final PhraseBook GERMAN = Phrases.shipped("de");

    @RegisterExtension
    static final Chromium chromium = Chromium.window(1280, 1000);

    private final WebDriver browser = chromium.driver();

    @Test
    void shouldShowTheIncidentInTheContactsLanguageFollowAnUpdateLiveAndRefuseAnotherClientsIncident()
            throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        // given a German-reading contact in Vienna told about a service disruption, and another client told of its own
        String clientId = unique("browser");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, new Contact("kv", "Katrin Vogel", "CISO",
                "kv@" + clientId + ".test", null, "de", ZoneId.of("Europe/Vienna"), null));
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.DDOS_OUTAGE, clientId).build());
        String otherClient = unique("other");
        client(otherClient, Severity.LOW, List.of(Channel.EMAIL), false, contact(otherClient, "jm", "fr", false));
        UUID otherIncident = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, otherIncident.toString(),
                opened(otherIncident, IncidentCategory.DATA_BREACH, otherClient).build());
        MimeMessage notice = awaitMails("kv@" + clientId + ".test", 1).get(0);
        awaitMails("jm@" + otherClient + ".test", 1);
        Matcher link = STATUS_LINK.matcher(parts(notice)[0]);
        assertThat(link.find()).as("the notice's status link").isTrue();
        String base = "http://127.0.0.1:" + port;
        String reference = StatusPageIT.reference(incidentId);

        // when the contact opens the link of the email
        browser.get(base + link.group(1));

        // then they see their incident, in German, dates in their time zone
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("open-incidents"), reference));
        String list = browser.findElement(By.tagName("body")).getText();
        assertThat(list).contains("Sicherheitsvorfälle: Client " + clientId, "Guten Tag Katrin Vogel", "Laufende Vorfälle",
                GERMAN.category(Category.DDOS_OUTAGE), GERMAN.common("statusPage.state.OPEN"),
                GERMAN.severity(Severity.MEDIUM), "(Europe/Vienna)").doesNotContain(StatusPageIT.reference(otherIncident));
        screenshot("status-1-list.png");

        // and open it
        browser.findElement(By.linkText(reference)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-title")));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Erstmeldung", notice.getSubject());
        assertThat(browser.findElements(By.cssSelector("#messages tr.message"))).hasSize(1);
        ((JavascriptExecutor) browser).executeScript("window.vigieMarker = 'loaded once';");

        // when an analyst posts an update for the clients
        String update = "Der schädliche Datenverkehr wird jetzt gefiltert, bevor er Ihren Dienst erreicht.";
        publish(Topics.INCIDENT_UPDATED, incidentId.toString(), IncidentUpdated.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setProducer("case-service")
                .setIncidentId(incidentId).setKind(UpdateKind.CLIENT_UPDATE).setActor("analyst")
                .setStatus(IncidentStatus.IN_PROGRESS).setSeverity(io.vigie.events.Severity.MEDIUM)
                .setMessage("internal: null-routed 198.51.100.0/24 on edge-02")
                .setMeasures(List.of(Measure.ACCOUNT_LOCKED, Measure.ATTACK_SOURCES_BLOCKED, Measure.TRAFFIC_FILTERING))
                .setClientMessages(Map.of("de", update, "fr", "Le trafic malveillant est désormais filtré."))
                .setNotifyClients(true).build());

        // then the open page shows it without a reload
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("latest-message"), update));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#messages tr.message"), 2));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Aktualisierung");
        assertThat(browser.findElement(By.id("doing")).getText()).contains(GERMAN.measure("TRAFFIC_FILTERING"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.vigieMarker;"))
                .isEqualTo("loaded once");
        assertThat(browser.getPageSource()).doesNotContain("198.51.100.0", "null-routed", "filtré");
        screenshot("status-2-incident-live.png");

        // when the same link is used to read the other client's incident
        String tokenQuery = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf('?'));
        browser.get(base + "/status/incidents/" + otherIncident + tokenQuery);

        // then it is not found, and nothing of the other client shows
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Vorfall nicht gefunden"));
        assertThat(browser.getPageSource()).doesNotContain(StatusPageIT.reference(otherIncident), otherClient,
                "Webmail");
        screenshot("status-3-other-client.png");
    }

    private static void screenshot(String name) {
        chromium.screenshot(name);
    }
}
