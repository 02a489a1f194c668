package io.vigie.triage.incident;

import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;

/** The edge: IncidentResolved and IncidentClosed in, triage's own {@link IncidentEnd} out. */
final class IncidentEndMapper {

    private IncidentEndMapper() {
    }

    static IncidentEnd toEnd(IncidentResolved event) {
        return new IncidentEnd(event.getEventId(), event.getIncidentId(), event.getResolvedAt());
    }

    static IncidentEnd toEnd(IncidentClosed event) {
        return new IncidentEnd(event.getEventId(), event.getIncidentId(), event.getApprovedAt());
    }
}
