package io.vigie.cases.api;

import io.vigie.cases.incident.AttachedAlert;
import io.vigie.cases.incident.ClientNotice;
import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.sla.SlaClock;

import java.time.Instant;
import java.util.List;

/** A case as the API shows it: the case, its clients' notice status, its alerts and its clocks. */
record CaseDetails(IncidentCase incident, List<ClientNotice> clients, List<AttachedAlert> alerts,
                   List<Clock> clocks) {

    /** A clock, with durations in seconds. */
    record Clock(String kind, String state, Instant start, Instant end, Instant deadline, long targetSeconds,
                 long elapsedSeconds, long remainingSeconds) {

        static Clock of(SlaClock clock) {
            return new Clock(clock.kind().name(), clock.state().name(), clock.start(), clock.end(), clock.deadline(),
                    clock.target().toSeconds(), clock.elapsed().toSeconds(), clock.remaining().toSeconds());
        }
    }
}
