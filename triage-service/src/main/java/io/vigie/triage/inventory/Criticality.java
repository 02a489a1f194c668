package io.vigie.triage.inventory;

/** How much the owning clients' operations depend on an asset or service; from the most to the least. */
public enum Criticality {
    CRITICAL(100), HIGH(60), MEDIUM(30), LOW(10);

    private final int weight;

    Criticality(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    public boolean isAtLeast(Criticality other) {
        return compareTo(other) <= 0;
    }
}
