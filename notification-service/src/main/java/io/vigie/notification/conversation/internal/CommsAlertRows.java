package io.vigie.notification.conversation.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The queue of internal emails, {@code comms_alert}: PENDING (due at next_attempt_at) → SENDING (taken by one
 * instance until lease_until) → SENT, or back to PENDING with back-off, or FAILED.
 */
@Repository
public class CommsAlertRows {

    /** An email taken for sending. */
    public record Alert(UUID incidentId, String recipient, String subject, String body, int attempts) {
    }

    private final JdbcTemplate jdbc;

    public CommsAlertRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID incidentId, String recipient, String subject, String body, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.update("INSERT INTO comms_alert (message_id, incident_id, recipient, subject, body, state, attempts, "
                        + "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                id, incidentId, recipient, subject, body, now, now);
    }

    /** Emails whose sender vanished (crash, kill) without recording an outcome become due again. */
    public void releaseExpiredLeases(Instant now) {
        jdbc.update("UPDATE comms_alert SET state = 'PENDING', lease_until = NULL WHERE state = 'SENDING' "
                + "AND lease_until < ?", Timestamp.from(now));
    }

    public List<UUID> due(Instant now, int limit) {
        return jdbc.queryForList("SELECT message_id FROM comms_alert WHERE state = 'PENDING' "
                + "AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT " + limit, UUID.class,
                Timestamp.from(now));
    }

    /** Takes a due email for this caller: one statement, so of several instances exactly one gets it. */
    public boolean take(UUID id, Instant leaseUntil) {
        return jdbc.update("UPDATE comms_alert SET state = 'SENDING', lease_until = ?, attempts = attempts + 1 "
                + "WHERE message_id = ? AND state = 'PENDING'", Timestamp.from(leaseUntil), id) == 1;
    }

    public Alert find(UUID id) {
        return jdbc.queryForObject("SELECT incident_id, recipient, subject, body, attempts "
                        + "FROM comms_alert WHERE message_id = ?",
                (rs, n) -> new Alert(rs.getObject("incident_id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")), id);
    }

    public void sent(UUID id, Instant at) {
        jdbc.update("UPDATE comms_alert SET state = 'SENT', sent_at = ?, lease_until = NULL, last_error = NULL "
                + "WHERE message_id = ? AND state = 'SENDING'", Timestamp.from(at), id);
    }

    /** A failed attempt: {@code FAILED} for good, or {@code PENDING} again at {@code next}. */
    public void failed(UUID id, String state, Instant next, String error) {
        jdbc.update("UPDATE comms_alert SET state = ?, next_attempt_at = ?, lease_until = NULL, last_error = ? "
                + "WHERE message_id = ? AND state = 'SENDING'", state, Timestamp.from(next), error, id);
    }
}
