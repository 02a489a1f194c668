package io.vigie.cases.incident;

/** Kinds of action taken on an incident, as they read on the timeline. */
public enum ActionType {
    CONTAINMENT("Containment"),
    EVIDENCE_COLLECTED("Evidence collected"),
    PASSWORD_RESET("Password reset"),
    IP_BLOCKED("IP blocked"),
    ACCOUNT_DISABLED("Account disabled"),
    SYSTEM_ISOLATED("System isolated"),
    PATCH_APPLIED("Patch applied"),
    OTHER("Action");

    private final String label;

    ActionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
