package io.vigie.cases.sla;

import io.vigie.cases.incident.CaseClocks;
import io.vigie.cases.incident.CaseQueries;
import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.incident.QuestionTimes;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clocks of a case against its severity's targets, at the time of the service's {@link Clock}: the response's
 * steps, and one {@link ClockKind#ANSWER} clock per message its clients wrote.
 */
@Component
public class SlaClocks {

    private final SlaProperties targets;
    private final CaseQueries cases;
    private final Clock clock;

    SlaClocks(SlaProperties targets, CaseQueries cases, Clock clock) {
        this.targets = targets;
        this.cases = cases;
        this.clock = clock;
    }

    public List<SlaClock> of(IncidentCase c) {
        return of(List.of(c)).get(c.id());
    }

    /** The clocks of each case, by id, in the order of {@code list}: the client messages' times read in one query. */
    public Map<UUID, List<SlaClock>> of(List<IncidentCase> list) {
        Instant now = clock.instant();
        Map<UUID, List<QuestionTimes>> questions = cases.questionTimes(list.stream().map(IncidentCase::id).toList());
        Map<UUID, List<SlaClock>> clocks = new LinkedHashMap<>();
        list.forEach(c -> clocks.put(c.id(), compute(c, questions.getOrDefault(c.id(), List.of()), targets, now)));
        return clocks;
    }

    /**
     * What the case's NOTIFY clock says: its state, or {@link ClockState#NO_CLIENT_AFFECTED} when there is no client
     * to notify; null before the classification (no clock yet).
     */
    public static ClockState notifyState(IncidentCase c, List<SlaClock> clocks) {
        if (!c.classified() || c.severity() == null) {
            return null;
        }
        if (!c.audience().clientsToTell()) {
            return ClockState.NO_CLIENT_AFFECTED;
        }
        return clocks.stream().filter(clock -> clock.kind() == ClockKind.NOTIFY).map(SlaClock::state).findFirst()
                .orElse(null);
    }

    public Instant now() {
        return clock.instant();
    }

    static List<SlaClock> compute(IncidentCase c, SlaProperties properties, Instant now) {
        return compute(c, List.of(), properties, now);
    }

    static List<SlaClock> compute(IncidentCase c, List<QuestionTimes> questions, SlaProperties properties,
                                  Instant now) {
        if (!c.classified() || c.severity() == null) {
            return List.of();
        }
        SlaProperties.Targets target = properties.of(c.severity());
        // Once resolved (or closed), a clock whose step never happened stops there instead of running forever.
        CaseClocks times = c.clocks();
        Instant stop = times.resolvedAt() != null ? times.resolvedAt() : times.closedAt();
        List<SlaClock> clocks = new ArrayList<>();
        clocks.add(clock(ClockKind.CLASSIFY, times.openedAt(), times.classifiedAt(), target.toClassify(), now, stop,
                null));
        // An analyst who decided that no client is to be told leaves no notice to wait for.
        if (c.audience().clientsToTell()) {
            clocks.add(clock(ClockKind.NOTIFY, times.openedAt(), times.firstNotifiedAt(), target.toNotify(), now, stop,
                    null));
            clocks.add(clock(ClockKind.ACKNOWLEDGE, times.openedAt(), times.firstAcknowledgedAt(),
                    target.toAcknowledge(), now, stop, null));
        }
        clocks.add(clock(ClockKind.RESOLVE, times.openedAt(), times.resolvedAt(), target.toResolve(), now,
                times.closedAt(), null));
        // No legal clock here: regulatory-service owns the GDPR, NIS2 and DORA deadlines (RegulatoryReportChanged).
        // A client's question waits for its answer whatever became of the incident: its clock never stops by itself.
        for (QuestionTimes q : questions) {
            clocks.add(clock(ClockKind.ANSWER, q.receivedAt(), q.answeredAt(), target.toAnswer(), now, null,
                    q.messageId()));
        }
        return List.copyOf(clocks);
    }

    private static SlaClock clock(ClockKind kind, Instant start, Instant end, Duration target, Instant now,
                                  Instant stop, UUID messageId) {
        Instant deadline = start.plus(target);
        if (end != null) {
            Duration took = Duration.between(start, end);
            return new SlaClock(kind, start, end, target, deadline,
                    end.isAfter(deadline) ? ClockState.BREACHED : ClockState.MET, took, Duration.between(end, deadline),
                    messageId);
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
        return new SlaClock(kind, start, null, target, deadline, state, elapsed, remaining, messageId);
    }
}
