package io.vigie.notification.notice;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The incident is closed after its post-mortem: a FOLLOW_UP notice with the lessons in the analysts' words (by
 * language) and the satisfaction survey.
 */
public record Closure(UUID eventId, UUID incidentId, List<String> clientIds, Map<String, String> messages) {

    public Closure {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        messages = messages == null ? Map.of() : Map.copyOf(messages);
    }
}
