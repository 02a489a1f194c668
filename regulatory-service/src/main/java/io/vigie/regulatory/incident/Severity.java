package io.vigie.regulatory.incident;

/** Triage's severity scale, most severe first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
