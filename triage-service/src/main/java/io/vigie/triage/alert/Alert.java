package io.vigie.triage.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as triage reasons about it, free of the wire format: who raised it ({@link AlertOrigin}), what it says
 * ({@link AlertContent}) and what it touches ({@link AffectedAssets}).
 */
public record Alert(
        UUID eventId,
        UUID alertId,
        AlertOrigin origin,
        AlertContent content,
        AffectedAssets affected,
        Instant detectedAt,
        Instant receivedAt) {

    /** The value of a top-level field by its name, else of the attribute so named; null when neither exists. */
    public String field(String name) {
        return switch (name) {
            case "title" -> content.title();
            case "description" -> content.description();
            case "asset" -> affected.asset();
            case "service" -> affected.service();
            case "sourceName" -> origin.sourceName();
            case "sourceReference" -> origin.sourceReference();
            case "sourceSeverity" -> content.sourceSeverity();
            case "clientHint" -> origin.clientHint();
            case "fingerprint" -> origin.fingerprint();
            default -> content.attribute(name.startsWith("attributes.") ? name.substring("attributes.".length()) : name);
        };
    }
}
