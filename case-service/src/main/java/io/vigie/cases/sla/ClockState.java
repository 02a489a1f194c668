package io.vigie.cases.sla;

public enum ClockState {
    /** Still counting, with more than a fifth of the target left. */
    RUNNING,
    /** Still counting, less than a fifth of the target left: act now. */
    AT_RISK,
    /** Done within the target. */
    MET,
    /** Done late, or still not done past the target. */
    BREACHED,
    /** The incident was resolved or closed before this step happened, within the target. */
    STOPPED;

    public boolean breached() {
        return this == BREACHED;
    }
}
