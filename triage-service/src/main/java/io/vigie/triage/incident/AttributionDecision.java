package io.vigie.triage.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An analyst settled who an incident's affected clients are, on its case: {@code clients} confirmed as affected, or
 * none (no client is to be told).
 */
record AttributionDecision(UUID eventId, UUID incidentId, List<String> clients, String actor, Instant at) {

    AttributionDecision {
        clients = List.copyOf(clients);
    }

    boolean dismissed() {
        return clients.isEmpty();
    }
}
