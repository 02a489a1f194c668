package io.vigie.triage.incident;

import io.vigie.triage.alert.Alert;

import java.time.Instant;

/**
 * How often and when an incident's alerts came: their number, the first and last detection, the first arrival, and
 * whether the latest one said the source considers the problem over.
 */
public record Sightings(int alertCount, Instant firstDetected, Instant lastDetected, Instant firstReceived,
                        boolean sourceResolved) {

    /** The sightings of an incident its first alert opens. */
    public static Sightings first(Alert alert) {
        return new Sightings(1, alert.detectedAt(), alert.detectedAt(), alert.receivedAt(), false);
    }

    /** One more alert joined: alerts may arrive out of detection order, the last detection is the latest one. */
    public Sightings with(Alert alert) {
        Instant last = alert.detectedAt().isAfter(lastDetected) ? alert.detectedAt() : lastDetected;
        return new Sightings(alertCount + 1, firstDetected, last, firstReceived, alert.origin().resolvedBySource());
    }
}
