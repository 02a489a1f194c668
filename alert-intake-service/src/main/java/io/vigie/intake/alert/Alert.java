package io.vigie.intake.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One alert, whatever tool raised it, normalised: who raised it ({@link AlertOrigin}), what it says
 * ({@link AlertContent}), what it touches ({@link AffectedAssets}) and when it was detected.
 */
public record Alert(AlertOrigin origin, AlertContent content, AffectedAssets affected, Instant detectedAt) {

    /**
     * Derived, not random: a sender retrying after an answer it never got (a lost commit, a timeout) gets the same
     * id, so the archive row, the event and every consumer downstream see one alert.
     */
    public UUID alertId() {
        return UUID.nameUUIDFromBytes((origin.sourceName() + '\n' + origin.occurrence())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The event's id, derived from the alert's for the same reason: a re-sent event is recognised downstream. */
    public UUID eventId() {
        return UUID.nameUUIDFromBytes(("AlertRaised\n" + alertId()).getBytes(StandardCharsets.UTF_8));
    }
}
