package io.vigie.triage.alert;

/** How urgently an incident must be handled; declared from the most to the least urgent. */
public enum Severity {
    CRITICAL(1000), HIGH(700), MEDIUM(400), LOW(100);

    private final int weight;

    Severity(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    public boolean isMoreSevereThan(Severity other) {
        return compareTo(other) < 0;
    }

    public boolean isAtLeast(Severity other) {
        return compareTo(other) <= 0;
    }

    public static Severity max(Severity a, Severity b) {
        return a.isMoreSevereThan(b) ? a : b;
    }

    /** One step more urgent, CRITICAL staying CRITICAL. */
    public Severity raisedBy(int steps) {
        return values()[Math.max(0, ordinal() - steps)];
    }
}
