package io.vigie.notification.delivery.internal;

import io.vigie.notification.directory.Channel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The deliveries' state machine: WAITING (a later channel of the contact) → PENDING (due at next_attempt_at) →
 * SENDING (taken by one worker until lease_until) → SENT, or back to PENDING with back-off, or FAILED, which makes the
 * contact's next WAITING channel PENDING. SKIPPED: a later channel that was not needed.
 */
@Repository
public class DeliveryStore {

    public record DeliveryRow(UUID id, UUID noticeId, String contactId, String contactName, Channel channel,
                              int position, String recipient, String language, int attempts) {
    }

    private final JdbcTemplate jdbc;

    public DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Deliveries whose sender vanished (crash, kill) without recording an outcome become due again. */
    public int releaseExpiredLeases(Instant now) {
        return jdbc.update("UPDATE delivery SET state = 'PENDING', lease_until = NULL "
                + "WHERE state = 'SENDING' AND lease_until < ?", Timestamp.from(now));
    }

    public List<UUID> due(Instant now, int limit) {
        return jdbc.queryForList("SELECT id FROM delivery WHERE state = 'PENDING' AND next_attempt_at <= ? "
                + "ORDER BY next_attempt_at LIMIT ?", UUID.class, Timestamp.from(now), limit);
    }

    /** Takes a due delivery for this worker: one statement, so of several instances exactly one gets it. */
    public Optional<DeliveryRow> take(UUID id, Instant leaseUntil) {
        int taken = jdbc.update("UPDATE delivery SET state = 'SENDING', lease_until = ?, attempts = attempts + 1 "
                + "WHERE id = ? AND state = 'PENDING'", Timestamp.from(leaseUntil), id);
        if (taken == 0) {
            return Optional.empty();
        }
        return jdbc.query("SELECT id, notice_id, contact_id, contact_name, channel, position, recipient, language, "
                        + "attempts FROM delivery WHERE id = ?",
                (rs, n) -> new DeliveryRow(rs.getObject("id", UUID.class), rs.getObject("notice_id", UUID.class),
                        rs.getString("contact_id"), rs.getString("contact_name"),
                        Channel.valueOf(rs.getString("channel")), rs.getInt("position"), rs.getString("recipient"),
                        rs.getString("language"), rs.getInt("attempts")), id).stream().findFirst();
    }

    /** False when the lease was lost meanwhile (another worker took over): then this outcome is not recorded. */
    public boolean sent(DeliveryRow row, Instant now, String templateId, String subject) {
        int updated = jdbc.update("UPDATE delivery SET state = 'SENT', sent_at = ?, lease_until = NULL, "
                        + "template_id = ?, subject = ?, last_error = NULL WHERE id = ? AND state = 'SENDING'",
                Timestamp.from(now), templateId, subject, row.id());
        if (updated == 1) {
            jdbc.update("UPDATE delivery SET state = 'SKIPPED' WHERE notice_id = ? AND contact_id = ? "
                    + "AND state = 'WAITING'", row.noticeId(), row.contactId());
        }
        return updated == 1;
    }

    public boolean retryLater(DeliveryRow row, Instant next, String error, String templateId, String subject) {
        return jdbc.update("UPDATE delivery SET state = 'PENDING', next_attempt_at = ?, lease_until = NULL, "
                        + "last_error = ?, template_id = ?, subject = ? WHERE id = ? AND state = 'SENDING'",
                Timestamp.from(next), error, templateId, subject, row.id()) == 1;
    }

    /** Gives this channel up and makes the contact's next channel due now; false when the lease was lost. */
    public boolean failed(DeliveryRow row, Instant now, String error, String templateId, String subject) {
        int updated = jdbc.update("UPDATE delivery SET state = 'FAILED', lease_until = NULL, last_error = ?, "
                        + "template_id = ?, subject = ? WHERE id = ? AND state = 'SENDING'",
                error, templateId, subject, row.id());
        if (updated == 1) {
            jdbc.update("UPDATE delivery SET state = 'PENDING', next_attempt_at = ? WHERE notice_id = ? "
                    + "AND contact_id = ? AND state = 'WAITING' AND position = (SELECT MIN(position) FROM delivery "
                    + "WHERE notice_id = ? AND contact_id = ? AND state = 'WAITING')",
                    Timestamp.from(now), row.noticeId(), row.contactId(), row.noticeId(), row.contactId());
        }
        return updated == 1;
    }

    /**
     * When the incident of a notice was classified, if this delivery is the notice's first one sent: the start of the
     * time-to-first-notice measure.
     */
    public Optional<Instant> classifiedAtIfFirstSent(UUID noticeId) {
        return jdbc.query("SELECT i.classified_at FROM notice n JOIN incident i ON i.id = n.incident_id "
                        + "WHERE n.id = ? AND (SELECT COUNT(*) FROM delivery d WHERE d.notice_id = n.id "
                        + "AND d.state = 'SENT') = 1",
                (rs, n) -> rs.getTimestamp(1).toInstant(), noticeId).stream().findFirst();
    }

    /**
     * The contact a preview of the notice in {@code language} is written for, the first of its deliveries in that
     * language: its {@code contact_id} and {@code contact_name}; empty when no contact of the notice reads it.
     */
    public Optional<Map<String, Object>> firstReader(UUID noticeId, String language) {
        return jdbc.queryForList("SELECT contact_id, contact_name FROM delivery "
                + "WHERE notice_id = ? AND language = ? ORDER BY position, contact_id LIMIT 1", noticeId, language)
                .stream().findFirst();
    }
}
