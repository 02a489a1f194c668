package io.vigie.notification.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** While an incident is unresolved its clients hear from the SOC on a schedule (every 2 h for CRITICAL by default). */
@Component
class UpdateSchedule {

    private static final Logger log = LoggerFactory.getLogger(UpdateSchedule.class);

    private final NoticePlanner planner;

    UpdateSchedule(NoticePlanner planner) {
        this.planner = planner;
    }

    @Scheduled(fixedDelayString = "${vigie.notification.notices.schedule-check:1m}",
            initialDelayString = "${vigie.notification.notices.schedule-check:1m}")
    void sendDueUpdates() {
        for (UUID incidentId : planner.dueForUpdate()) {
            try {
                planner.scheduledUpdate(incidentId);
            } catch (RuntimeException e) {
                // One incident's failure must not hold back the others' updates; it is retried on the next check.
                log.warn("Scheduled update of incident {} failed, retried at the next check", incidentId, e);
            }
        }
    }
}
