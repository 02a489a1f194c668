package io.vigie.notification.notice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A step on an open incident. Clients get an UPDATE when {@code notifyClients} and it says something to them (a
 * change, or the analyst's text in their language); {@code confirmedClients} are suggested clients an analyst
 * confirmed or attached, who now get the notice a newly affected client gets; {@code approvedNoticeId} a held notice
 * a communications user approved, with {@code messages} as the texts to add to it; {@code detachedClients} clients an
 * analyst detached, who get no further notice about the incident.
 */
public record IncidentUpdate(UUID eventId, UUID incidentId, Severity severity, boolean notifyClients,
                             List<String> measures, Instant estimatedResolutionAt, Map<String, String> messages,
                             List<String> confirmedClients, UUID approvedNoticeId, String actor,
                             List<String> detachedClients) {

    public IncidentUpdate {
        measures = measures == null ? List.of() : List.copyOf(measures);
        messages = messages == null ? Map.of() : Map.copyOf(messages);
        confirmedClients = confirmedClients == null ? List.of() : List.copyOf(confirmedClients);
        detachedClients = detachedClients == null ? List.of() : List.copyOf(detachedClients);
    }
}
