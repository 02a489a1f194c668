package io.vigie.notification.ack.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.notification.ack.AcknowledgementProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Flags CRITICAL notices that were sent but that no contact acknowledged within the deadline: the on-duty team must
 * then reach the client another way. The flag shows on the incident's notices in the API, in the log and in the
 * {@code vigie.notification.unacknowledged.critical} counter; each notice is flagged once. An answer to a contact's
 * question is left out: the contact is already in touch.
 */
@Component
public class UnacknowledgedWatch {

    private static final Logger log = LoggerFactory.getLogger(UnacknowledgedWatch.class);

    private final JdbcTemplate jdbc;
    private final AcknowledgementProperties properties;
    private final Clock clock;
    private final Counter flagged;

    public UnacknowledgedWatch(JdbcTemplate jdbc, AcknowledgementProperties properties, Clock clock,
                               MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.flagged = Counter.builder("vigie.notification.unacknowledged.critical")
                .description("CRITICAL notices flagged for going unacknowledged past the deadline")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${vigie.notification.acknowledgement.check:1m}",
            initialDelayString = "${vigie.notification.acknowledgement.check:1m}")
    public void flagOverdue() {
        Instant now = clock.instant();
        List<Map<String, Object>> overdue = jdbc.queryForList("SELECT n.id, n.incident_id, n.client_id FROM notice n "
                + "WHERE n.severity = 'CRITICAL' AND n.stage <> 'ANSWER' AND n.unacknowledged_flagged_at IS NULL "
                + "AND n.created_at < ? "
                + "AND EXISTS (SELECT 1 FROM delivery d WHERE d.notice_id = n.id AND d.state = 'SENT') "
                + "AND NOT EXISTS (SELECT 1 FROM acknowledgement a WHERE a.notice_id = n.id)",
                Timestamp.from(now.minus(properties.deadline())));
        for (Map<String, Object> notice : overdue) {
            if (jdbc.update("UPDATE notice SET unacknowledged_flagged_at = ? WHERE id = ? "
                    + "AND unacknowledged_flagged_at IS NULL", Timestamp.from(now), notice.get("id")) == 1) {
                flagged.increment();
                log.warn("CRITICAL notice {} of incident {} to client {} is unacknowledged after {}: reach the "
                                + "client another way", notice.get("id"), notice.get("incident_id"),
                        notice.get("client_id"), properties.deadline());
            }
        }
    }
}
