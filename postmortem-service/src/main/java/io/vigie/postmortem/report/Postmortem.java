package io.vigie.postmortem.report;

import io.vigie.postmortem.incident.ClientFeedback;
import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.incident.TimelineEntry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post-mortem as the team reads it: the facts pre-filled from the incident (live while a draft, frozen at
 * approval), the response metrics against their targets, the team's analysis, and the clients' survey answers (which
 * come after approval, and are shown as they arrive).
 * <p>
 * Wide: the JSON body of {@code GET /api/postmortems/{id}} (and of each item of the list), read by the pages' users,
 * the dashboard and the system tests; built in one place ({@code Postmortems}), each part a record of its own.
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
        List<String> missingForApproval,
        List<ClientFeedback> clientFeedback) {

    public enum Status { DRAFT, APPROVED }

    public boolean approved() {
        return status == Status.APPROVED;
    }
}
