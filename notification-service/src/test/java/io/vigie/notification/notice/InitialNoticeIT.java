package io.vigie.notification.notice;

import io.vigie.events.AlertClassified;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.NoticeStage;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InitialNoticeIT extends NotificationIntegrationTest {

    @ParameterizedTest
    @CsvSource({"ACCOUNT_COMPROMISE, ACCOUNT_COMPROMISE", "DATA_BREACH, DATA_BREACH", "DDOS_OUTAGE, DDOS_OUTAGE",
            "MALWARE, DEFAULT"})
    void shouldMailOneInitialNoticePerContactWithEverySectionInTheirLanguage(IncidentCategory category,
                                                                            String template) throws Exception {
        // given a client with a French and an English contact
        String clientId = unique("acme");
        client(clientId, Severity.MEDIUM, List.of(Channel.EMAIL), false,
                contact(clientId, "jeanne", "fr", false), contact(clientId, "john", "en", false));
        UUID incidentId = UUID.randomUUID();

        // when triage opens an incident that affects it
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened(incidentId, category, clientId).build());

        // then each contact gets one email with every section of the notice, in their language
        MimeMessage french = awaitMails("jeanne@" + clientId + ".test", 1).get(0);
        MimeMessage english = awaitMails("john@" + clientId + ".test", 1).get(0);
        assertSections(french, clientId, "1 mars 2030", "MESURES PRISES", "Mesures prises");
        assertSections(english, clientId, "1 Mar 2030", "MEASURES TAKEN", "Measures taken");
        UUID noticeId = NoticeWriter.noticeId(incidentId, clientId, Stage.INITIAL, 1);
        assertThat(french.getMessageID()).startsWith("<" + noticeId + ".jeanne@");

        // and each delivery is published, with the template used and the recipient masked
        List<ClientNotified> events = awaitClientNotified(incidentId, all -> all.size() >= 2);
        assertThat(events).hasSize(2).allSatisfy(event -> {
            assertThat(event.getOutcome()).isEqualTo(DeliveryOutcome.SENT);
            assertThat(event.getStage()).isEqualTo(NoticeStage.INITIAL);
            assertThat(event.getNoticeId()).isEqualTo(noticeId);
            assertThat(event.getChannel()).isEqualTo(io.vigie.events.Channel.EMAIL);
            assertThat(event.getRecipient()).matches("j\\*\\*\\*@" + clientId + "\\.test");
        });
        assertThat(events).extracting(ClientNotified::getTemplateId)
                .containsExactlyInAnyOrder("INITIAL/" + template + "/fr", "INITIAL/" + template + "/en");
        assertThat(mailsTo("jeanne@" + clientId + ".test")).hasSize(1);
        assertThat(mailsTo("john@" + clientId + ".test")).hasSize(1);
    }

    @Test
    void shouldSendNothingMoreWhenTheClassificationIsRedeliveredOrReplayed() throws Exception {
        String clientId = unique("replay");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "ann", "en", false));
        String sentinelClient = unique("sentinel");
        client(sentinelClient, Severity.LOW, List.of(Channel.EMAIL), false, contact(sentinelClient, "sam", "en", false));
        UUID incidentId = UUID.randomUUID();
        AlertClassified event = opened(incidentId, IncidentCategory.MALWARE, clientId).build();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), event);
        awaitMails("ann@" + clientId + ".test", 1);

        // when the same event is delivered again, and the incident's opening is replayed under a new event id
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), event);
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                AlertClassified.newBuilder(event).setEventId(UUID.randomUUID()).build());
        // and a later event on the same partition shows both were handled
        UUID sentinel = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(sentinel, IncidentCategory.MALWARE, sentinelClient).build());
        awaitMails("sam@" + sentinelClient + ".test", 1);
        awaitClientNotified(sentinel, all -> all.size() == 1);

        // then the client still has exactly one notice, and one ClientNotified
        assertThat(mailsTo("ann@" + clientId + ".test")).hasSize(1);
        assertThat(clientNotified(incidentId)).hasSize(1);
    }

    @Test
    void shouldTellOnlyClientsWhoseMinimumSeverityIsMetAndOnlyWhenTriageSaysSo() throws Exception {
        String critical = unique("only-critical");
        client(critical, Severity.CRITICAL, List.of(Channel.EMAIL), false, contact(critical, "carl", "en", false));
        String everything = unique("everything");
        client(everything, Severity.LOW, List.of(Channel.EMAIL), false, contact(everything, "eve", "fr", false));
        UUID incidentId = UUID.randomUUID();
        UUID silent = UUID.randomUUID();

        // a HIGH incident affecting both, then one triage decided not to tell clients about
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.PHISHING, critical, everything).build());
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(silent, IncidentCategory.PHISHING, everything).setNotifyClients(false).build());
        UUID sentinel = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(sentinel, IncidentCategory.OTHER, everything).setTitle("sentinel").build());

        awaitClientNotified(sentinel, all -> all.size() == 1);
        assertThat(mailsTo("carl@" + critical + ".test")).isEmpty();
        assertThat(mailsTo("eve@" + everything + ".test")).hasSize(2);
        assertThat(clientNotified(silent)).isEmpty();
    }

    @Test
    void shouldDeliverHostileAlertTextAsInertText() throws Exception {
        String clientId = unique("inert");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "ivy", "en", false));
        UUID incidentId = UUID.randomUUID();
        String title = "{{supportContact}} <script>alert('x')</script>";
        String summary = "<img src=x onerror=alert(1)> {{#measures}}loop{{/measures}}";

        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened(incidentId, IncidentCategory.OTHER, clientId)
                .setTitle(title).setSummary(summary).build());

        MimeMessage mail = awaitMails("ivy@" + clientId + ".test", 1).get(0);
        String[] parts = parts(mail);
        assertThat(mail.getSubject()).contains(title);
        assertThat(parts[0]).contains(title).contains(summary);
        assertThat(parts[1])
                .contains("{{supportContact}} &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; {{#measures}}loop{{/measures}}")
                .doesNotContain("<script").doesNotContain("<img");
    }

    private static void assertSections(MimeMessage mail, String clientId, String eta, String textHeading,
                                       String htmlHeading) throws Exception {
        String[] parts = parts(mail);
        assertThat(mail.getSubject()).isNotBlank().doesNotContain("{{");
        for (String part : parts) {
            assertThat(part).contains("Context: 50 failed logins on one account", "Impact: the account is locked",
                    "Webmail " + clientId, "Measure: account locked", "Plan: reset the password", eta,
                    "Europe/Paris", "Action: change your passwords", "Vigie SOC", "http://vigie.test/ack?t");
        }
        assertThat(parts[0]).contains(textHeading);
        assertThat(parts[1]).contains(htmlHeading);
    }
}
