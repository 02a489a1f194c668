package io.vigie.cases.sla;

public enum ClockKind {
    CLASSIFY("Classify"),
    NOTIFY("Notify clients"),
    ACKNOWLEDGE("Acknowledged"),
    RESOLVE("Resolve"),
    /** One per client message: from its receipt to its answer, in writing or by phone. */
    ANSWER("Answer client");

    private final String label;

    ClockKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
