package io.vigie.regulatory.clock;

import io.vigie.regulatory.obligation.DueSoon;
import io.vigie.regulatory.obligation.Stage;
import io.vigie.regulatory.obligation.Stages;
import io.vigie.regulatory.obligation.Triggers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Announces, once per stage, that a report is due soon (DUE_SOON) and that it is overdue (OVERDUE). Cluster-safe:
 * every instance runs this loop, and each transition is claimed with a conditional UPDATE (see {@link Stages#warn}),
 * so exactly one instance publishes it. Each announcement commits on its own with its outbox event.
 */
@Component
class DeadlineClock {

    private static final Logger log = LoggerFactory.getLogger(DeadlineClock.class);

    private final Stages stages;
    private final Triggers triggers;
    private final DueSoon dueSoon;
    private final ReportGauges gauges;
    private final Clock clock;

    DeadlineClock(Stages stages, Triggers triggers, DueSoon dueSoon, ReportGauges gauges, Clock clock) {
        this.stages = stages;
        this.triggers = triggers;
        this.dueSoon = dueSoon;
        this.gauges = gauges;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vigie.regulatory.clock.interval:30s}",
            initialDelayString = "${vigie.regulatory.clock.interval:30s}")
    void tick() {
        triggers.reevaluateUnresolved();
        announceDeadlines();
        gauges.refresh();
    }

    /** @return how many transitions this call announced (the others were announced before, or by another instance) */
    int announceDeadlines() {
        Instant now = clock.instant();
        int announced = 0;
        for (Stage stage : stages.unannounced()) {
            try {
                Stage.State state = stage.state(now, dueSoon);
                if (state == Stage.State.OVERDUE && stages.overdue(stage)) {
                    announced++;
                } else if (state == Stage.State.DUE_SOON && stages.warn(stage)) {
                    announced++;
                }
            } catch (RuntimeException e) {
                // One stage failing (e.g. the database dropped the connection) must not silence the others.
                log.warn("Could not announce the deadline of {} {}: {}", stage.kind(), stage.id(), e.toString());
            }
        }
        return announced;
    }
}
