package io.vigie.cases.incident;

import java.time.Instant;
import java.util.UUID;

/** An alert as a SIEM raised it. */
record RaisedAlert(UUID eventId, String producer, UUID alertId, String source, String sourceName,
                   String sourceReference, String title, String description, String asset, Instant detectedAt,
                   Instant receivedAt) {
}
