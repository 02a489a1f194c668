package io.vigie.cases.incident;

/**
 * Whether someone must still say which client an incident concerns. A client is notified only when the inventory or a
 * source bound to it says it is affected: an incident that should notify and names no affected client (an asset the
 * inventory does not know, raised by a SOC-wide source) would otherwise sit without anyone being told.
 */
public enum Attribution {
    /** Triage named the affected clients, or the incident notifies nobody. */
    NOT_NEEDED,
    /** Clients should be notified, but none is known: an analyst must name one (or dismiss it). */
    AWAITING,
    /** An analyst named a client: confirmed a suggested one, or named another while none was known. */
    ATTRIBUTED,
    /** An analyst decided that no client is to be told. */
    DISMISSED;

    /**
     * After a classification of the incident. Triage's events carry the incident's merged client list, so an empty
     * one means no alert of the incident named an affected client so far.
     */
    Attribution classified(boolean notifyClients, boolean clientsNamed) {
        if (clientsNamed) {
            return this == AWAITING ? NOT_NEEDED : this;
        }
        return notifyClients && this == NOT_NEEDED ? AWAITING : this;
    }

    /** Whether an analyst may name any client, not only a suggested one: nobody knows whose the incident is. */
    public boolean anyClientMayBeNamed() {
        return this == AWAITING || this == DISMISSED;
    }
}
