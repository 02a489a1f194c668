package io.vigie.cases.incident;

import java.time.Instant;

/**
 * Where and when an alert was seen: the kind of source that raised it and the source's own reference for it, when the
 * source detected it and when Vigie received it.
 */
public record Detection(String source, String sourceReference, Instant detectedAt, Instant receivedAt) {
}
