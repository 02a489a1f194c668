package io.vigie.notification.ack.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.events.Topics;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.notice.ClientNotifiedMapper;
import io.vigie.notification.notice.DeliveryOutcome;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.notice.Notices;
import io.vigie.platform.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Records that a contact confirmed receipt of a notice, once, and publishes it as ClientNotified ACKNOWLEDGED. */
@Service
public class Acknowledgements {

    public record Acknowledgement(Notice notice, String contactId, String respondedBy, Instant respondedAt,
                                  boolean firstTime, String subject) {
    }

    private final JdbcTemplate jdbc;
    private final Notices notices;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer timeToAcknowledge;

    public Acknowledgements(JdbcTemplate jdbc, Notices notices, Outbox outbox, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
        this.timeToAcknowledge = Timer.builder("vigie.notification.time-to-acknowledge")
                .description("From a notice's creation to its acknowledgement by a contact")
                .publishPercentileHistogram().register(meters);
    }

    /** What the confirmation page shows before the click: the notice, and an earlier acknowledgement if any. */
    @Transactional(readOnly = true)
    public Optional<Acknowledgement> lookUp(UUID noticeId, String contactId) {
        return notices.find(noticeId).map(notice -> existing(notice, contactId)
                .orElse(new Acknowledgement(notice, contactId, null, null, false, subject(noticeId, contactId))));
    }

    /** Records the acknowledgement; a second click changes nothing and shows the first one. */
    @Transactional
    public Optional<Acknowledgement> acknowledge(UUID noticeId, String contactId, String typedName) {
        Optional<Notice> found = notices.find(noticeId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Notice notice = found.get();
        Instant now = clock.instant();
        Delivered delivered = delivered(noticeId, contactId);
        // Who: the contact the link was made for, and the name the person typed when it differs.
        String respondedBy = typedName == null || typedName.isBlank() || typedName.strip().equals(delivered.contactName())
                ? delivered.contactName() : delivered.contactName() + " (" + typedName.strip() + ")";
        int inserted = jdbc.update("INSERT INTO acknowledgement (notice_id, contact_id, answer, responded_by, "
                        + "responded_at) VALUES (?, ?, 'ACKNOWLEDGED', ?, ?) ON CONFLICT DO NOTHING",
                noticeId, contactId, respondedBy, Timestamp.from(now));
        if (inserted == 0) {
            return existing(notice, contactId);
        }
        outbox.append(Topics.CLIENT_NOTIFIED, notice.incidentId().toString(), ClientNotifiedMapper.toEvent(
                DeliveryOutcome.answered(notice,
                        new DeliveryOutcome.Recipient(contactId, delivered.channel(), delivered.recipient()),
                        DeliveryOutcome.Kind.ACKNOWLEDGED, new DeliveryOutcome.Message(delivered.templateId(),
                                delivered.language(), delivered.subject()), respondedBy, now)));
        meters.counter("vigie.notification.acknowledgements", "stage", notice.stage().name()).increment();
        timeToAcknowledge.record(Duration.between(notice.createdAt(), now));
        return Optional.of(new Acknowledgement(notice, contactId, respondedBy, now, true, delivered.subject()));
    }

    private Optional<Acknowledgement> existing(Notice notice, String contactId) {
        return jdbc.query("SELECT responded_by, responded_at FROM acknowledgement WHERE notice_id = ? "
                        + "AND contact_id = ?",
                (rs, n) -> new Acknowledgement(notice, contactId, rs.getString(1), rs.getTimestamp(2).toInstant(),
                        false, subject(notice.id(), contactId)), notice.id(), contactId).stream().findFirst();
    }

    private String subject(UUID noticeId, String contactId) {
        return delivered(noticeId, contactId).subject();
    }

    private record Delivered(Channel channel, String recipient, String templateId, String language, String subject,
                             String contactName) {
    }

    // The channel that reached the contact is the one the acknowledgement is reported against.
    private Delivered delivered(UUID noticeId, String contactId) {
        return jdbc.query("SELECT channel, recipient, template_id, language, subject, contact_name FROM delivery "
                        + "WHERE notice_id = ? AND contact_id = ? ORDER BY CASE WHEN state = 'SENT' THEN 0 ELSE 1 END, "
                        + "position",
                (rs, n) -> new Delivered(Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), noticeId, contactId).stream().findFirst()
                .orElse(new Delivered(Channel.EMAIL, "", null, null, null, contactId));
    }
}
