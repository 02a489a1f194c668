package io.vigie.cases.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident's case as it stands. {@code classified} is false for a case known only from a client notice or a
 * closure that overtook its classification on another topic; it fills in when the classification arrives.
 *
 * @param openedAt            when the first alert was received: where every SLA clock starts
 * @param firstNotifiedAt     the first client notice sent
 * @param regulatorNotifiedAt the supervisory authority's notice sent (GDPR art. 33)
 */
public record IncidentCase(UUID id, boolean classified, String title, String summary, Severity severity,
                           int priority, String category, CaseStatus status, String assignee, boolean notifyClients,
                           boolean personalData, Instant gdprDeadline, String impact, List<String> assets,
                           List<String> services, List<String> dataCategories, Instant detectedAt, Instant openedAt,
                           Instant classifiedAt, Instant firstNotifiedAt, Instant firstAcknowledgedAt,
                           Instant regulatorNotifiedAt, Instant resolvedAt, Instant closedAt,
                           String resolutionSummary, Boolean dataCompromised, Instant updatedAt) {

    /** Refuses a command the case's state does not allow, with the reason a person can act on. */
    void requireAllows(Command command) {
        if (!classified) {
            throw new InvalidTransitionException(id, status, command,
                    "the incident is not classified yet; wait for triage's classification");
        }
        if (status == CaseStatus.CLOSED) {
            throw new InvalidTransitionException(id, status, command,
                    "the incident is closed: its post-mortem was approved and its record is final");
        }
        if (status == CaseStatus.RESOLVED && command != Command.NOTE) {
            throw new InvalidTransitionException(id, status, command,
                    "the incident is already resolved; only notes can still be added");
        }
    }
}
