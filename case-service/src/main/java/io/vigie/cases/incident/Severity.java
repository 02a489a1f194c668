package io.vigie.cases.incident;

/** How urgently an incident must be handled; CRITICAL first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
