package io.vigie.cases.sla;

import io.vigie.cases.incident.IncidentCase;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The clocks of a case against its severity's targets, at the time of the service's {@link Clock}. */
@Component
public class SlaClocks {

    private final SlaProperties targets;
    private final Clock clock;

    SlaClocks(SlaProperties targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
    }

    public List<SlaClock> of(IncidentCase c) {
        return compute(c, targets, clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }

    static List<SlaClock> compute(IncidentCase c, SlaProperties properties, Instant now) {
        if (!c.classified() || c.severity() == null) {
            return List.of();
        }
        SlaProperties.Targets target = properties.of(c.severity());
        // Once resolved (or closed), a clock whose step never happened stops there instead of running forever.
        Instant stop = c.resolvedAt() != null ? c.resolvedAt() : c.closedAt();
        List<SlaClock> clocks = new ArrayList<>();
        clocks.add(clock(ClockKind.CLASSIFY, c.openedAt(), c.classifiedAt(), target.toClassify(), now, stop));
        if (c.notifyClients()) {
            clocks.add(clock(ClockKind.NOTIFY, c.openedAt(), c.firstNotifiedAt(), target.toNotify(), now, stop));
            clocks.add(clock(ClockKind.ACKNOWLEDGE, c.openedAt(), c.firstAcknowledgedAt(), target.toAcknowledge(), now,
                    stop));
        }
        clocks.add(clock(ClockKind.RESOLVE, c.openedAt(), c.resolvedAt(), target.toResolve(), now, c.closedAt()));
        if (c.personalData()) {
            Instant aware = c.classifiedAt() != null ? c.classifiedAt() : c.openedAt();
            Instant deadline = c.gdprDeadline() != null ? c.gdprDeadline() : aware.plus(properties.gdpr());
            clocks.add(clock(ClockKind.GDPR, aware, c.regulatorNotifiedAt(), Duration.between(aware, deadline), now,
                    null));
        }
        return List.copyOf(clocks);
    }

    private static SlaClock clock(ClockKind kind, Instant start, Instant end, Duration target, Instant now,
                                  Instant stop) {
        Instant deadline = start.plus(target);
        if (end != null) {
            Duration took = Duration.between(start, end);
            return new SlaClock(kind, start, end, target, deadline,
                    end.isAfter(deadline) ? ClockState.BREACHED : ClockState.MET, took, Duration.between(end, deadline));
        }
        Instant until = stop != null && stop.isBefore(now) ? stop : now;
        Duration elapsed = Duration.between(start, until);
        Duration remaining = Duration.between(until, deadline);
        ClockState state;
        if (until.isAfter(deadline)) {
            state = ClockState.BREACHED;
        } else if (stop != null && until.equals(stop)) {
            state = ClockState.STOPPED;
        } else if (remaining.multipliedBy(5).compareTo(target) < 0) {
            state = ClockState.AT_RISK;
        } else {
            state = ClockState.RUNNING;
        }
        return new SlaClock(kind, start, null, target, deadline, state, elapsed, remaining);
    }
}
