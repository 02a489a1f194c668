package io.vigie.notification.deadlines;

import io.vigie.events.RegulatoryChange;
import io.vigie.events.RegulatoryRegime;
import io.vigie.events.RegulatoryReport;
import io.vigie.events.RegulatoryReportChanged;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.incident.Severity;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * regulatory-service's deadline announcements, published on the real broker, reach the managers' mailbox (GreenMail)
 * once each, with everything the event says; its other report changes email nobody.
 */
class DeadlineWarningsIT extends NotificationIntegrationTest {

    private static final String MANAGERS = "managers@vigie.test";
    private static final String TITLE = "GDPR Art. 33 notification to the supervisory authority";
    private static final String RULE = "GDPR Art. 33(1): 72 hours after awareness";
    // 14:00 UTC is 15:00 in Paris (the notices' zone in the tests): the date is printed as the comms email prints it
    private static final Instant DUE = Instant.parse("2030-03-04T14:00:00Z");

    @Test
    void shouldEmailTheManagersOnceForADueSoonReportDeliveredTwice() throws Exception {
        // given a client of the directory and a report of one of its incidents that comes due
        String clientId = unique("gdpr");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false);
        UUID incidentId = UUID.randomUUID();
        RegulatoryReportChanged dueSoon = report(incidentId, clientId, RegulatoryChange.DUE_SOON);

        // when regulatory-service's announcement is delivered twice (a redelivery after a rebalance)
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(), dueSoon);
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(), dueSoon);

        // then the managers get one email saying what is due, under which rule, for whom, by when, and where to file it
        MimeMessage email = awaitWarnings(incidentId, 1).get(0);
        String ref = incidentId.toString().substring(0, 8).toUpperCase();
        assertThat(email.getSubject()).isEqualTo("Regulatory report due soon: " + TITLE + " — Client " + clientId
                + ", incident " + ref);
        assertThat(text(email)).contains(
                "A report the law requires of Client " + clientId + " about incident " + ref + " is due soon",
                "Report: " + TITLE, "Rule: " + RULE, "Client: Client " + clientId + " (" + clientId + ")",
                "Incident: " + ref + " (" + incidentId + ")",
                "Due: 4 March 2030, 15:00 (Europe/Paris)",
                "Authority: CNIL",
                "File it from the incident's regulatory page: http://127.0.0.1:8086/regulatory/incidents/" + incidentId)
                .doesNotContain("reason for the delay");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comms_alert WHERE message_id = ?", Integer.class,
                dueSoon.getEventId())).isEqualTo(1);
        // the second delivery had its turn before the first email could be sent: still one
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> warnings(incidentId).size() == 1);
    }

    @Test
    void shouldSayADelayReasonIsNowNeededWhenTheReportIsOverdue() throws Exception {
        String clientId = unique("nis2");
        UUID incidentId = UUID.randomUUID();

        // the client is not in the directory: its id stands for its name
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(),
                report(incidentId, clientId, RegulatoryChange.OVERDUE));

        MimeMessage email = awaitWarnings(incidentId, 1).get(0);
        assertThat(email.getSubject()).startsWith("Regulatory report overdue: " + TITLE + " — " + clientId + ",");
        assertThat(text(email)).contains("is overdue: its deadline passed before it was submitted.",
                "The filing now needs a reason for the delay", "Rule: " + RULE);
    }

    @Test
    void shouldEmailNobodyWhenAReportOpensOrIsSubmitted() throws Exception {
        String clientId = unique("dora");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false);
        UUID quiet = UUID.randomUUID();
        UUID marker = UUID.randomUUID();

        publish(Topics.REGULATORY_REPORTS, quiet.toString(), report(quiet, clientId, RegulatoryChange.OPENED));
        publish(Topics.REGULATORY_REPORTS, quiet.toString(), report(quiet, clientId, RegulatoryChange.SUBMITTED));
        // then a DUE_SOON of another incident with the same key, so on the same partition and handled after both:
        // once it is emailed, the two before it were handled and their absence means something
        publish(Topics.REGULATORY_REPORTS, quiet.toString(), report(marker, clientId, RegulatoryChange.DUE_SOON));

        awaitWarnings(marker, 1);
        assertThat(warnings(quiet)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comms_alert WHERE incident_id = ?", Integer.class,
                quiet)).isZero();
    }

    private static RegulatoryReportChanged report(UUID incidentId, String clientId, RegulatoryChange change) {
        return RegulatoryReportChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setProducer("regulatory-service")
                .setIncidentId(incidentId).setClientId(clientId).setRegime(RegulatoryRegime.GDPR)
                .setReport(RegulatoryReport.GDPR_AUTHORITY_NOTIFICATION).setChange(change)
                .setTitle(TITLE).setRule(RULE).setAwareAt(DUE.minus(Duration.ofHours(72))).setDueAt(DUE)
                .setAuthority("CNIL").build();
    }

    private static List<MimeMessage> awaitWarnings(UUID incidentId, int count) {
        await().atMost(PATIENCE).until(() -> warnings(incidentId).size() >= count);
        return warnings(incidentId);
    }

    private static List<MimeMessage> warnings(UUID incidentId) {
        return mailsTo(MANAGERS).stream().filter(mail -> {
            try {
                String[] incident = mail.getHeader("X-Vigie-Incident-Id");
                return incident != null && Arrays.asList(incident).contains(incidentId.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String text(MimeMessage mail) {
        try {
            // (mail lines end in CRLF on the wire)
            return String.valueOf(mail.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
