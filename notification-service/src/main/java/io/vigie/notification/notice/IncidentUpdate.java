package io.vigie.notification.notice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A step on an open incident; clients get an UPDATE notice when {@code notifyClients}. */
public record IncidentUpdate(UUID eventId, UUID incidentId, Severity severity, String message, boolean notifyClients,
                             List<String> measures, String resolutionPlan, Instant estimatedResolutionAt) {

    public IncidentUpdate {
        measures = measures == null ? List.of() : List.copyOf(measures);
    }
}
