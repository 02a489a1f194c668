package io.vigie.intake.publish;

import java.util.UUID;

/** What the sender is told about one alert: its id, and whether it was a repeat of one already published. */
public record Receipt(UUID alertId, String sourceReference, boolean duplicate) {
}
