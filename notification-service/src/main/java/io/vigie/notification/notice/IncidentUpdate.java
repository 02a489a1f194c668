package io.vigie.notification.notice;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A step on an open incident. Clients get an UPDATE when {@code notifyClients} and it says something to them (a
 * change of the facts, or the analyst's text in their language); {@code approvedNoticeId} a held notice a
 * communications user approved, with {@code messages} as the texts to add to it.
 *
 * @param change  what it changes in the incident's facts
 * @param clients the clients an analyst confirmed, attached or detached
 */
public record IncidentUpdate(UUID eventId, UUID incidentId, String actor, IncidentFacts.Change change,
                             boolean notifyClients, Map<String, String> messages, Clients clients,
                             UUID approvedNoticeId) {

    public IncidentUpdate {
        messages = messages == null ? Map.of() : Map.copyOf(messages);
        clients = clients == null ? Clients.NONE : clients;
    }

    /**
     * {@code confirmed}: suggested clients an analyst confirmed or attached, who now get the notice a newly affected
     * client gets; {@code detached}: clients an analyst detached, who get no further notice about the incident.
     */
    public record Clients(List<String> confirmed, List<String> detached) {

        public static final Clients NONE = new Clients(List.of(), List.of());

        public Clients {
            confirmed = confirmed == null ? List.of() : List.copyOf(confirmed);
            detached = detached == null ? List.of() : List.copyOf(detached);
        }
    }
}
