package io.vigie.notification.notice;

import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The incident is resolved: every client that was told about it gets a RESOLUTION notice. */
public record Resolution(UUID eventId, UUID incidentId, Severity severity, Category category, boolean dataCompromised,
                         List<String> clientIds, Map<String, String> messages) {

    public Resolution {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        messages = messages == null ? Map.of() : Map.copyOf(messages);
    }
}
