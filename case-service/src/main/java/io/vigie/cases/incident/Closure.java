package io.vigie.cases.incident;

import java.time.Instant;
import java.util.UUID;

/** The approval of an incident's post-mortem, which closes it. */
record Closure(UUID eventId, Instant occurredAt, String producer, UUID incidentId, String approvedBy,
               Instant approvedAt, String rootCause) {
}
