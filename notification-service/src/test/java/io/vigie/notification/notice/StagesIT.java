package io.vigie.notification.notice;

import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientNotified;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.NoticeStage;
import io.vigie.events.ResponseMetrics;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StagesIT extends NotificationIntegrationTest {

    @Test
    void shouldKeepTheClientInformedFromClassificationToFollowUp() throws Exception {
        String clientId = unique("stages");
        String address = "stella@" + clientId + ".test";
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "stella", "en", false));
        UUID incidentId = UUID.randomUUID();
        String key = incidentId.toString();

        // INITIAL on classification (HIGH: updates every 4 h), then an UPDATE when it escalates to CRITICAL (2 h)
        publish(Topics.ALERT_CLASSIFIED, key, opened(incidentId, IncidentCategory.DDOS_OUTAGE, clientId)
                .setSeverity(io.vigie.events.Severity.HIGH).build());
        assertThat(parts(awaitMails(address, 1).get(0))[0]).contains("at least every 4 h");
        publish(Topics.ALERT_CLASSIFIED, key, opened(incidentId, IncidentCategory.DDOS_OUTAGE, clientId)
                .setChange(ClassificationChange.ESCALATED).setSeverity(io.vigie.events.Severity.CRITICAL).build());
        assertThat(subjectOf(awaitMails(address, 2), 1)).startsWith("Update 1 –");

        // an analyst's update for the clients, and an internal note that is not for them
        publish(Topics.INCIDENT_UPDATED, key, updated(incidentId, "Internal note", false));
        publish(Topics.INCIDENT_UPDATED, key, updated(incidentId, "Filtering is in place at the edge", true));
        List<MimeMessage> mails = awaitMails(address, 3);
        assertThat(mails.get(2).getSubject()).startsWith("Update 2 –");
        assertThat(parts(mails.get(2))[0]).contains("Filtering is in place at the edge")
                .contains("at the latest in 2 h").doesNotContain("Internal note");

        // the schedule: two hours without news bring an UPDATE of their own
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        mails = awaitMails(address, 4);
        assertThat(mails.get(3).getSubject()).startsWith("Update 3 –");
        assertThat(parts(mails.get(3))[0]).contains("nothing significant changed");

        // RESOLUTION ends the updates
        publish(Topics.INCIDENT_RESOLVED, key, IncidentResolved.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now()).setProducer("case-service")
                .setIncidentId(incidentId).setResolvedAt(now()).setResolvedBy("analyst")
                .setSeverity(io.vigie.events.Severity.CRITICAL).setCategory(IncidentCategory.DDOS_OUTAGE)
                .setSummary("Traffic is back to normal").setCorrectiveActions(List.of("Rate limits raised"))
                .setDataCompromised(false).setAffectedClientIds(List.of(clientId)).build());
        mails = awaitMails(address, 5);
        assertThat(mails.get(4).getSubject()).startsWith("Incident resolved –");
        assertThat(parts(mails.get(4))[0]).contains("Traffic is back to normal", "Rate limits raised",
                "no data was compromised");
        clock.advance(Duration.ofHours(3));

        // FOLLOW_UP after closure, with the lessons and the survey
        publish(Topics.INCIDENT_CLOSED, key, IncidentClosed.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now()).setProducer("postmortem-service")
                .setIncidentId(incidentId).setPostmortemId(UUID.randomUUID()).setApprovedBy("manager")
                .setApprovedAt(now()).setRootCause("internal").setLessonsLearned(List.of("Alert on traffic sooner"))
                .setMetrics(ResponseMetrics.newBuilder().build()).setClientSummary("We reviewed the response")
                .setAffectedClientIds(List.of(clientId)).build());
        mails = awaitMails(address, 6);
        String[] followUp = parts(mails.get(5));
        assertThat(mails.get(5).getSubject()).startsWith("Incident review and your feedback –");
        assertThat(followUp[0]).contains("We reviewed the response", "Alert on traffic sooner",
                "https://survey.vigie.local/?incident=" + incidentId + "&client=" + clientId);
        assertThat(followUp[1]).contains("https://survey.vigie.local/?incident&#x3D;" + incidentId);

        List<ClientNotified> events = awaitClientNotified(incidentId, all -> all.size() == 7).stream()
                .filter(e -> e.getClientId().equals(clientId)).toList();
        assertThat(events).extracting(e -> e.getStage() + "#" + e.getSequence()).containsExactly("INITIAL#1",
                "UPDATE#1", "UPDATE#2", "UPDATE#3", "RESOLUTION#1", "FOLLOW_UP#1");
        assertThat(events).filteredOn(e -> e.getStage() == NoticeStage.FOLLOW_UP).singleElement()
                .satisfies(e -> assertThat(e.getTemplateId()).isEqualTo("FOLLOW_UP/DEFAULT/en"));
        assertThat(mailsTo(address)).hasSize(6);

        // and once the incident became CRITICAL, the security lead on duty was alerted by SMS, once
        ClientNotified onDuty = clientNotified(incidentId).stream()
                .filter(e -> e.getClientId().equals(EscalationProperties.ON_DUTY)).collect(onlyOne());
        assertThat(onDuty.getChannel()).isEqualTo(io.vigie.events.Channel.SMS);
        assertThat(onDuty.getOutcome()).isEqualTo(io.vigie.events.DeliveryOutcome.SENT);
        assertThat(smsTo("+33 6 99 99 99 99")).filteredOn(sms -> sms.text().contains(onDuty.getNoticeId().toString()))
                .singleElement().satisfies(sms -> assertThat(sms.text()).contains("Locked account after failed logins"));
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }

    private static String subjectOf(List<MimeMessage> mails, int index) throws Exception {
        return mails.get(index).getSubject();
    }

    private static IncidentUpdated updated(UUID incidentId, String message, boolean notifyClients) {
        return IncidentUpdated.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now())
                .setProducer("case-service").setIncidentId(incidentId).setKind(UpdateKind.CLIENT_UPDATE)
                .setActor("analyst").setStatus(IncidentStatus.IN_PROGRESS)
                .setSeverity(io.vigie.events.Severity.CRITICAL).setMessage(message).setNotifyClients(notifyClients)
                .build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
