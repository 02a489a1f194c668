package io.vigie.notification.notice;

import io.vigie.notification.notice.internal.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;


/**
 * While an incident is unresolved each told client hears from the SOC on a schedule: its contract's cadence for the
 * severity, else the service's (every 2 h for CRITICAL, 4 h for HIGH, 24 h for MEDIUM, 72 h for LOW by default).
 */
@Component
class UpdateSchedule {

    private static final Logger log = LoggerFactory.getLogger(UpdateSchedule.class);

    private final NoticePlanner planner;
    private final NoticeHolds holds;

    UpdateSchedule(NoticePlanner planner, NoticeHolds holds) {
        this.planner = planner;
        this.holds = holds;
    }

    @Scheduled(fixedDelayString = "${vigie.notification.notices.schedule-check:1m}",
            initialDelayString = "${vigie.notification.notices.schedule-check:1m}")
    void sendDueUpdates() {
        try {
            // A held notice nobody approved in time goes out as it is: the client must not wait on a review.
            int released = holds.releaseExpired();
            if (released > 0) {
                log.info("{} notice(s) held for review went out unapproved when their hold expired", released);
            }
        } catch (RuntimeException e) {
            log.warn("Releasing expired holds failed, retried at the next check", e);
        }
        for (IncidentStore.DueUpdate due : planner.dueForUpdate()) {
            try {
                planner.scheduledUpdate(due);
            } catch (RuntimeException e) {
                // One incident's failure must not hold back the others' updates; it is retried on the next check.
                log.warn("Scheduled update of incident {} to client {} failed, retried at the next check",
                        due.incidentId(), due.clientId(), e);
            }
        }
    }
}
