package io.vigie.notification.notice;

import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.internal.NoticeRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
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

    private final NoticeRows rows;
    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeHolds(NoticeRows rows, Notices notices, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /** Every notice waiting for review, the one going out first at the top. */
    public List<HeldNotice> held() {
        return rows.held();
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
        List<UUID> expired = rows.expiredHolds(clock.instant());
        int released = 0;
        for (UUID id : expired) {
            released += release(id, null, null) ? 1 : 0;
        }
        return released;
    }

    private boolean release(UUID noticeId, String by, NoticeContent edited) {
        Instant now = clock.instant();
        if (!rows.markReleased(noticeId, now, by, edited)) {
            return false;
        }
        int deliveries = rows.releaseDeliveries(noticeId, now);
        events.publishEvent(new NoticesPlanned(deliveries));
        return true;
    }
}
