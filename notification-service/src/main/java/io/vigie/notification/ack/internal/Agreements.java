package io.vigie.notification.ack.internal;

import io.micrometer.core.instrument.MeterRegistry;
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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Records a contact's formal answer to a notice that asked for agreement, once, published as AGREED or DECLINED. */
@Service
public class Agreements {

    public record Answer(Notice notice, String question, boolean agreed, String respondedBy, Instant respondedAt,
                         boolean firstTime) {
    }

    private final JdbcTemplate jdbc;
    private final Notices notices;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    public Agreements(JdbcTemplate jdbc, Notices notices, Outbox outbox, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /** The notice's question and an earlier answer, if any; empty when the notice asks nothing. */
    @Transactional(readOnly = true)
    public Optional<Answer> lookUp(UUID noticeId, String contactId) {
        return notices.find(noticeId).filter(notice -> notice.content().asksAgreement())
                .map(notice -> existing(notice, contactId)
                        .orElse(new Answer(notice, question(notice, contactId), false, null, null, false)));
    }

    /** Records the answer; a second answer changes nothing and shows the first. */
    @Transactional
    public Optional<Answer> answer(UUID noticeId, String contactId, boolean agreed, String typedName) {
        Optional<Notice> found = notices.find(noticeId).filter(n -> n.content().asksAgreement());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Notice notice = found.get();
        Instant now = clock.instant();
        String contactName = jdbc.queryForList("SELECT contact_name FROM delivery WHERE notice_id = ? "
                + "AND contact_id = ?", String.class, noticeId, contactId).stream().findFirst().orElse(contactId);
        String respondedBy = typedName == null || typedName.isBlank() || typedName.equals(contactName) ? contactName
                : contactName + " (" + typedName + ")";
        int inserted = jdbc.update("INSERT INTO agreement (notice_id, contact_id, answer, responded_by, responded_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                noticeId, contactId, agreed ? "AGREED" : "DECLINED", respondedBy, Timestamp.from(now));
        if (inserted == 0) {
            return existing(notice, contactId);
        }
        Reached reached = reached(noticeId, contactId);
        outbox.append(Topics.CLIENT_NOTIFIED, notice.incidentId().toString(), ClientNotifiedMapper.toEvent(
                DeliveryOutcome.answered(notice,
                        new DeliveryOutcome.Recipient(contactId, reached.channel(), reached.recipient()),
                        agreed ? DeliveryOutcome.Kind.AGREED : DeliveryOutcome.Kind.DECLINED,
                        DeliveryOutcome.Message.NONE, respondedBy, now)));
        meters.counter("vigie.notification.agreements", "answer", agreed ? "agreed" : "declined").increment();
        return Optional.of(new Answer(notice, question(notice, contactId), agreed, respondedBy, now, true));
    }

    private Optional<Answer> existing(Notice notice, String contactId) {
        return jdbc.query("SELECT answer, responded_by, responded_at FROM agreement WHERE notice_id = ? "
                        + "AND contact_id = ?",
                (rs, n) -> new Answer(notice, question(notice, contactId), "AGREED".equals(rs.getString(1)),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), false), notice.id(), contactId)
                .stream().findFirst();
    }

    /** The question in the contact's language (the one its deliveries were written in). */
    private String question(Notice notice, String contactId) {
        String language = jdbc.queryForList("SELECT language FROM delivery WHERE notice_id = ? AND contact_id = ?",
                String.class, notice.id(), contactId).stream().findFirst().orElse(null);
        Map<String, String> questions = notice.content().words().questions();
        return questions.getOrDefault(language, questions.values().iterator().next());
    }

    private record Reached(Channel channel, String recipient) {
    }

    // The answer is reported against the channel that reached the contact.
    private Reached reached(UUID noticeId, String contactId) {
        return jdbc.query("SELECT channel, recipient FROM delivery WHERE notice_id = ? AND contact_id = ? "
                                + "AND state = 'SENT' ORDER BY position",
                        (rs, n) -> new Reached(Channel.valueOf(rs.getString(1)), rs.getString(2)), noticeId, contactId)
                .stream().findFirst().orElse(new Reached(Channel.EMAIL, ""));
    }
}
