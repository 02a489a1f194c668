package io.vigie.postmortem.report;

import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.incident.TimelineEntry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post-mortem as the team reads it: the facts pre-filled from the incident (live while a draft, frozen at
 * approval), the response metrics against their targets, and the team's analysis.
 */
public record Postmortem(
        UUID id,
        UUID incidentId,
        Status status,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        String approvedBy,
        Instant approvedAt,
        Incident incident,
        List<TimelineEntry> timeline,
        ResponseMetrics metrics,
        Analysis analysis,
        List<String> missingForApproval) {

    public enum Status { DRAFT, APPROVED }

    public boolean approved() {
        return status == Status.APPROVED;
    }
}
