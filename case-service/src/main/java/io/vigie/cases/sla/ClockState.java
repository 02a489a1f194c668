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
    STOPPED,
    /**
     * Not a clock: the incident has no client to notify (triage said not to, or an analyst dismissed its attribution),
     * so there is no NOTIFY deadline to meet or breach. Only {@link SlaClocks#notifyState} answers it.
     */
    NO_CLIENT_AFFECTED;

    public boolean breached() {
        return this == BREACHED;
    }
}
