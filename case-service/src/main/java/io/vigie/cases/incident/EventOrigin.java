package io.vigie.cases.incident;

import java.time.Instant;
import java.util.UUID;

/** The event that reported a fact: its id (what the projection is idempotent on), when it happened, who sent it. */
public record EventOrigin(UUID eventId, Instant occurredAt, String producer) {
}
