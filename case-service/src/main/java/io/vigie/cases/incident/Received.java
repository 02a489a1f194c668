package io.vigie.cases.incident;

import java.time.Instant;
import java.util.UUID;

/** An event of another service about an incident, with the fact it reports: what the projection is idempotent on. */
record Received<T>(UUID eventId, Instant occurredAt, String producer, UUID incidentId, T fact) {
}
