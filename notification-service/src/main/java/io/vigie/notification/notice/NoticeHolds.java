package io.vigie.notification.notice;

import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Notices the client's review gate holds: a communications user reads them, may add a text per language, and
 * approves them (here, or from case-service's dashboard through IncidentUpdated NOTICE_APPROVED); an unapproved one
 * goes out when its hold expires. Releasing moves its HELD deliveries to PENDING in the same transaction, once: a
 * second approval, or an expiry after the approval, changes nothing.
 */
@Service
public class NoticeHolds {

    /** A notice waiting for its review. */
    public record HeldNotice(UUID noticeId, UUID incidentId, String clientId, Stage stage, int sequence,
                             Category category, Severity severity, Instant heldUntil, List<String> languages) {
    }

    private final JdbcTemplate jdbc;
    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeHolds(JdbcTemplate jdbc, Notices notices, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /** Every notice waiting for review, the one going out first at the top. */
    public List<HeldNotice> held() {
        Map<UUID, HeldNotice> held = new LinkedHashMap<>();
        jdbc.query("SELECT id, incident_id, client_id, stage, sequence, category, severity, held_until FROM notice "
                + "WHERE held_until IS NOT NULL AND released_at IS NULL ORDER BY held_until, id", rs -> {
            UUID id = rs.getObject("id", UUID.class);
            held.put(id, new HeldNotice(id, rs.getObject("incident_id", UUID.class), rs.getString("client_id"),
                    Stage.valueOf(rs.getString("stage")), rs.getInt("sequence"),
                    Category.valueOf(rs.getString("category")), Severity.valueOf(rs.getString("severity")),
                    rs.getTimestamp("held_until").toInstant(), languages(id)));
        });
        return List.copyOf(held.values());
    }

    /** What an approval did. */
    public enum Approval { RELEASED, ALREADY_RELEASED, NOT_HELD }

    /** Approves a held notice and sends it now, with {@code texts} (by language) added to what it says. */
    @Transactional
    public Approval approve(UUID noticeId, String by, Map<String, String> texts) {
        Optional<Notice> held = notices.find(noticeId).filter(found -> found.heldUntil() != null);
        if (held.isEmpty()) {
            return Approval.NOT_HELD;
        }
        Notice notice = held.get();
        NoticeContent content = notice.content().withWords(notice.content().words().adding(texts));
        return release(noticeId, by, content) ? Approval.RELEASED : Approval.ALREADY_RELEASED;
    }

    /** Sends the held notices whose hold expired unapproved, as they are; returns how many. */
    @Transactional
    public int releaseExpired() {
        List<UUID> expired = jdbc.queryForList("SELECT id FROM notice WHERE held_until <= ? AND released_at IS NULL "
                + "ORDER BY held_until LIMIT 100", UUID.class, Timestamp.from(clock.instant()));
        int released = 0;
        for (UUID id : expired) {
            released += release(id, null, null) ? 1 : 0;
        }
        return released;
    }

    private boolean release(UUID noticeId, String by, NoticeContent edited) {
        Instant now = clock.instant();
        int updated = edited == null
                ? jdbc.update("UPDATE notice SET released_at = ? WHERE id = ? AND released_at IS NULL",
                Timestamp.from(now), noticeId)
                : jdbc.update("UPDATE notice SET released_at = ?, released_by = ?, content = ? WHERE id = ? "
                + "AND released_at IS NULL", Timestamp.from(now), by, Json.write(edited), noticeId);
        if (updated == 0) {
            return false;
        }
        int deliveries = jdbc.update("UPDATE delivery SET state = 'PENDING', next_attempt_at = ? WHERE notice_id = ? "
                + "AND state = 'HELD'", Timestamp.from(now), noticeId);
        events.publishEvent(new NoticesPlanned(deliveries));
        return true;
    }

    private List<String> languages(UUID noticeId) {
        return jdbc.queryForList("SELECT DISTINCT language FROM delivery WHERE notice_id = ? ORDER BY language",
                String.class, noticeId);
    }
}
