package io.vigie.cases.sla;

public enum ClockKind {
    CLASSIFY("Classify"),
    NOTIFY("Notify clients"),
    ACKNOWLEDGE("Acknowledged"),
    RESOLVE("Resolve"),
    /** GDPR art. 33: the supervisory authority within 72 hours of awareness. */
    GDPR("GDPR 72 h");

    private final String label;

    ClockKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
