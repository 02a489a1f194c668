package io.vigie.triage.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident resolved (case-service) or closed (postmortem-service), as triage needs it: from then on it takes no
 * more alerts.
 */
record IncidentEnd(UUID eventId, UUID incidentId, Instant at) {
}
