package io.vigie.cases.incident;

import java.time.Instant;
import java.util.UUID;

/** An alert attached to an incident. */
public record AttachedAlert(UUID alertId, String title, String source, String sourceName, String sourceReference,
                            String asset, Instant receivedAt) {
}
