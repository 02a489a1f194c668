package io.vigie.triage.incident;

import io.vigie.events.IncidentUpdated;

/** The edge: case-service's CLIENTS_CONFIRMED in, triage's own {@link AttributionDecision} out. */
final class IncidentUpdatedMapper {

    private IncidentUpdatedMapper() {
    }

    static AttributionDecision toDecision(IncidentUpdated event) {
        return new AttributionDecision(event.getEventId(), event.getIncidentId(), event.getConfirmedClients(),
                event.getActor(), event.getOccurredAt());
    }
}
