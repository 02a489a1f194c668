package io.vigie.triage.incident;

/**
 * Whether someone must still say which client an incident concerns: its clients must be told, but no alert named an
 * affected one (an asset the inventory does not know, raised by a source bound to no client). Triage cannot decide it;
 * an analyst does, on the case (case-service), and the work queue shows the incident until then.
 */
public enum Attribution {
    /** An alert named the affected clients, or the incident notifies nobody. */
    NOT_NEEDED,
    /** Its clients must be told and none is known. */
    AWAITING,
    /** An analyst named a client (confirmed a suggested one or named another). */
    ATTRIBUTED,
    /** An analyst decided that no client is to be told. */
    DISMISSED;

    /** From the incident's row: the analysts' decision if there was one, else what its classification says. */
    public static Attribution of(boolean clientUnknown, String decided) {
        if (decided != null) {
            return valueOf(decided);
        }
        return clientUnknown ? AWAITING : NOT_NEEDED;
    }
}
