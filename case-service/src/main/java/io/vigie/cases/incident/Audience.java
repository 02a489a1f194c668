package io.vigie.cases.incident;

/**
 * Who is to hear of an incident: whether its clients are to be told, and whether someone must still say who they are.
 *
 * @param attribution whether someone must still say which client the incident concerns
 */
public record Audience(boolean notifyClients, Attribution attribution) {

    /** Triage said to notify and no analyst decided that no client is to be told: a notice is due. */
    public boolean clientsToTell() {
        return notifyClients && attribution != Attribution.DISMISSED;
    }

    /** After a classification that says whether to notify and whether it names an affected client. */
    Audience classified(boolean notify, boolean clientsNamed) {
        return new Audience(notify, attribution.classified(notify, clientsNamed));
    }
}
