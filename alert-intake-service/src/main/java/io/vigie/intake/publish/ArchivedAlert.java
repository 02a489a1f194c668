package io.vigie.intake.publish;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An alert with its evidence: the request that brought it, and how often its source repeated it since. */
public record ArchivedAlert(UUID alertId, String sourceName, String sourceType, String sourceReference,
                            Instant receivedAt, String remoteAddress, Map<String, String> headers, byte[] body,
                            long repeatCount, Instant lastSeenAt) {
}
