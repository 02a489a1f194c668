package io.vigie.notification.ack;

import io.vigie.notification.ack.internal.UnacknowledgedWatch;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
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
 * The reminder that a CRITICAL notice went unacknowledged, when several instances run: their watches fire together,
 * and each notice is flagged, counted and logged once.
 */
class UnacknowledgedWatchRaceIT extends NotificationIntegrationTest {

    @Autowired
    private UnacknowledgedWatch watch;
    @Autowired
    private MeterRegistry meters;

    @Test
    void shouldFlagAnUnacknowledgedNoticeOnceWhenTheWatchesOfFourInstancesFireTogether() throws Exception {
        // given a CRITICAL notice sent and acknowledged by nobody
        String clientId = unique("race-ack");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "kai", "en", false));
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened(incidentId, IncidentCategory.MALWARE, clientId)
                .setSeverity(io.vigie.events.Severity.CRITICAL).build());
        awaitClientNotified(incidentId, all -> all.stream().anyMatch(e -> e.getOutcome() == DeliveryOutcome.SENT
                && e.getContactId().equals("kai")));
        double before = flagged();
        Instant from = clock.instant();

        // when the deadline passes and four instances' watches fire at once (this one's own fires too)
        clock.advance(Duration.ofMinutes(31));
        Racers.race(4, () -> {
            watch.flagOverdue();
            return null;
        });

        // then the notice is flagged, and the counter counts each notice flagged meanwhile once: no watch flagged a
        // notice another had flagged (other tests' CRITICAL notices may fall due at the same moment, once each too)
        // (the client's notice; the SOC's own on-duty SMS about a CRITICAL incident may be flagged too)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE incident_id = ? AND client_id = ? "
                + "AND unacknowledged_flagged_at IS NOT NULL", Integer.class, incidentId, clientId)).isEqualTo(1);
        Integer flaggedNow = jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE unacknowledged_flagged_at > ?",
                Integer.class, Timestamp.from(from));
        assertThat(flagged() - before).isEqualTo(flaggedNow.doubleValue());
    }

    private double flagged() {
        return meters.counter("vigie.notification.unacknowledged.critical").count();
    }
}
