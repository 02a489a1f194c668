package io.vigie.cases.incident;

/** OPEN → NOTIFIED → IN_PROGRESS → RESOLVED → CLOSED; a case only ever moves forward. */
public enum CaseStatus {
    /** Classified by triage; no client has been told yet. */
    OPEN,
    /** At least one client notice went out. */
    NOTIFIED,
    /** People are working on it here: an assignment, a note, an action, an update. */
    IN_PROGRESS,
    /** Contained and restored; waiting for its post-mortem. */
    RESOLVED,
    /** The post-mortem was approved. */
    CLOSED;

    public boolean isActive() {
        return this == OPEN || this == NOTIFIED || this == IN_PROGRESS;
    }

    CaseStatus afterClientNotice() {
        return this == OPEN ? NOTIFIED : this;
    }

    CaseStatus afterWork() {
        return this == OPEN || this == NOTIFIED ? IN_PROGRESS : this;
    }
}
