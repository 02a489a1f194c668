package io.vigie.notification.notice;

import java.util.List;
import java.util.UUID;

/** The incident is closed after its post-mortem: a FOLLOW_UP notice with lessons and the satisfaction survey. */
public record Closure(UUID eventId, UUID incidentId, String clientSummary, List<String> lessons,
                      List<String> clientIds) {

    public Closure {
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
    }
}
