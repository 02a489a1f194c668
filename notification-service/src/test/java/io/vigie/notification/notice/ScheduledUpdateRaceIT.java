package io.vigie.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.Racers;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scheduled client update when several instances run: their schedulers fire at the same moment on the same
 * database, and each told contact still hears from the SOC once per period.
 */
class ScheduledUpdateRaceIT extends NotificationIntegrationTest {

    @Autowired
    private UpdateSchedule schedule;

    @Test
    void shouldSendOneScheduledUpdatePerContactWhenTheSchedulersOfFourInstancesFireTogether() throws Exception {
        // given a HIGH incident whose two contacts were told (HIGH: an update every 4 h)
        String clientId = unique("race");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "ines", "fr", false),
                contact(clientId, "ian", "en", false));
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened(incidentId, IncidentCategory.MALWARE, clientId)
                .setSeverity(io.vigie.events.Severity.HIGH).build());
        awaitMails("ines@" + clientId + ".test", 1);
        awaitMails("ian@" + clientId + ".test", 1);

        // when the update falls due and four instances' schedulers fire at once (this one's own fires too)
        clock.advance(Duration.ofHours(4).plusMinutes(1));
        Racers.race(4, () -> {
            schedule.sendDueUpdates();
            return null;
        });

        // then one UPDATE notice was planned, and each contact gets it once
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE incident_id = ? AND stage = 'UPDATE'",
                Integer.class, incidentId)).isEqualTo(1);
        awaitMails("ines@" + clientId + ".test", 2);
        awaitMails("ian@" + clientId + ".test", 2);
        List<ClientNotified> updates = awaitClientNotified(incidentId, all -> all.stream()
                .filter(event -> event.getStage() == io.vigie.events.NoticeStage.UPDATE).count() >= 2);
        assertThat(updates.stream().filter(event -> event.getStage() == io.vigie.events.NoticeStage.UPDATE)
                .map(event -> event.getContactId() + " " + event.getOutcome()))
                .containsExactlyInAnyOrder("ines " + DeliveryOutcome.SENT, "ian " + DeliveryOutcome.SENT);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() ->
                mailsTo("ines@" + clientId + ".test").size() == 2 && mailsTo("ian@" + clientId + ".test").size() == 2);
    }
}
