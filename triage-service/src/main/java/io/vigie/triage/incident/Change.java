package io.vigie.triage.incident;

/** What an alert did to the incidents: the first three are published as AlertClassified.change. */
public enum Change {
    OPENED, ESCALATED, ATTACHED,
    /** A source-resolved alert for which no incident is open: recorded, never opens one. */
    IGNORED
}
