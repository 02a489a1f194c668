package io.vigie.notification.notice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Triage's decision about an alert, as far as client notices are concerned: the incident's facts, the clients the
 * inventory or a bound source vouch for, and the clients merely suggested (told only once an analyst confirms them).
 * The alert's title and summary are not taken: no client reads them. No legal deadline either: what the law asks of a
 * client (GDPR, NIS2, DORA) is regulatory-service's.
 */
public record Classification(UUID eventId, UUID incidentId, Change change, Instant classifiedAt, IncidentFacts facts,
                             List<AffectedClient> clients, List<AffectedClient> suggestedClients,
                             boolean notifyClients) {

    public enum Change { OPENED, ESCALATED, ATTACHED }

    public Classification {
        clients = List.copyOf(clients);
        suggestedClients = suggestedClients == null ? List.of() : List.copyOf(suggestedClients);
    }
}
