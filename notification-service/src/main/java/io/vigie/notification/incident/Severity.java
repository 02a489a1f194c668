package io.vigie.notification.incident;

/** How urgent an incident is, most urgent first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** Whether an incident of this severity reaches a client that wants to hear from {@code minimum} up. */
    public boolean atLeast(Severity minimum) {
        return ordinal() <= minimum.ordinal();
    }
}
