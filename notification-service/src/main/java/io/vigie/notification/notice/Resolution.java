package io.vigie.notification.notice;

import java.util.List;
import java.util.UUID;

/** The incident is resolved: every client that was told about it gets a RESOLUTION notice. */
public record Resolution(UUID eventId, UUID incidentId, Severity severity, Category category, String summary,
                         List<String> correctiveActions, boolean dataCompromised, List<String> clientIds) {

    public Resolution {
        correctiveActions = correctiveActions == null ? List.of() : List.copyOf(correctiveActions);
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
    }
}
