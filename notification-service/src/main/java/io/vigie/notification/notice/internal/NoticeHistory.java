package io.vigie.notification.notice.internal;

import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.RecipientMask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What was sent about an incident, as {@code NoticeController} shows it: notices, deliveries, acknowledgements. */
@Repository
public class NoticeHistory {

    public record DeliveryView(String contactId, String channel, int position, String recipient, String state,
                               int attempts, String lastError, String templateId, Instant sentAt) {
    }

    public record AcknowledgementView(String contactId, String respondedBy, Instant respondedAt) {
    }

    public record NoticeView(UUID noticeId, String clientId, String stage, int sequence, String severity,
                             boolean outOfBand, Instant createdAt, Instant unacknowledgedFlaggedAt,
                             List<DeliveryView> deliveries, List<AcknowledgementView> acknowledgements) {
    }

    private final JdbcTemplate jdbc;

    public NoticeHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The incident's notices in the order they were made, each with its deliveries (recipients masked). */
    public List<NoticeView> of(UUID incidentId) {
        Map<UUID, NoticeView> notices = new LinkedHashMap<>();
        jdbc.query("SELECT id, client_id, stage, sequence, severity, out_of_band, created_at, "
                + "unacknowledged_flagged_at FROM notice WHERE incident_id = ? ORDER BY created_at, client_id",
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    notices.put(id, new NoticeView(id, rs.getString("client_id"), rs.getString("stage"),
                            rs.getInt("sequence"), rs.getString("severity"), rs.getBoolean("out_of_band"),
                            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("unacknowledged_flagged_at")),
                            new ArrayList<>(), new ArrayList<>()));
                }, incidentId);
        jdbc.query("SELECT d.notice_id, d.contact_id, d.channel, d.position, d.recipient, d.state, d.attempts, "
                + "d.last_error, d.template_id, d.sent_at FROM delivery d JOIN notice n ON n.id = d.notice_id "
                + "WHERE n.incident_id = ? ORDER BY d.contact_id, d.position", rs -> {
                    Channel channel = Channel.valueOf(rs.getString("channel"));
                    notices.get(rs.getObject("notice_id", UUID.class)).deliveries().add(new DeliveryView(
                            rs.getString("contact_id"), channel.name(), rs.getInt("position"),
                            RecipientMask.mask(channel, rs.getString("recipient")), rs.getString("state"),
                            rs.getInt("attempts"), rs.getString("last_error"), rs.getString("template_id"),
                            instant(rs.getTimestamp("sent_at"))));
                }, incidentId);
        jdbc.query("SELECT a.notice_id, a.contact_id, a.responded_by, a.responded_at FROM acknowledgement a "
                + "JOIN notice n ON n.id = a.notice_id WHERE n.incident_id = ?", rs -> {
                    notices.get(rs.getObject("notice_id", UUID.class)).acknowledgements().add(new AcknowledgementView(
                            rs.getString("contact_id"), rs.getString("responded_by"),
                            instant(rs.getTimestamp("responded_at"))));
                }, incidentId);
        return List.copyOf(notices.values());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
