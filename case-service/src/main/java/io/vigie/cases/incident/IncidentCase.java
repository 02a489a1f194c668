package io.vigie.cases.incident;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An incident's case as it stands. {@code classified} is false for a case known only from a client notice or a
 * closure that overtook its classification on another topic; it fills in when the classification arrives.
 *
 * @param openedAt            when the first alert was received: where every SLA clock starts
 * @param firstNotifiedAt     the first client notice sent
 * @param attribution         whether someone must still say which client the incident concerns
 */
public record IncidentCase(UUID id, boolean classified, String title, String summary, Severity severity,
                           int priority, String category, CaseStatus status, String assignee, boolean notifyClients,
                           boolean personalData, String impact, List<String> assets,
                           List<String> services, List<String> dataCategories, Instant detectedAt, Instant openedAt,
                           Instant classifiedAt, Instant firstNotifiedAt, Instant firstAcknowledgedAt,
                           Instant resolvedAt, Instant closedAt,
                           String resolutionSummary, Boolean dataCompromised, Instant updatedAt,
                           Attribution attribution) {

    /** The case once its first classification arrived: everything but the status it may already have moved to. */
    IncidentCase classifiedBy(Classification c) {
        return new IncidentCase(id, true, c.title(), c.summary(), c.severity(), c.priority(), c.category(), status,
                assignee, c.notifyClients(), c.personalData(), c.impact(), c.assets(), c.services(),
                c.dataCategories(), c.detectedAt(), c.alertReceivedAt(), c.occurredAt(), firstNotifiedAt,
                firstAcknowledgedAt, resolvedAt, closedAt, resolutionSummary, dataCompromised,
                updatedAt, attribution.classified(c.notifyClients(), !c.clients().isEmpty()));
    }

    /**
     * A later alert of the same incident: what it touches joins the case; an escalation raises the severity (and the
     * priority, never lowering it).
     */
    IncidentCase mergedWith(Classification c, boolean escalate) {
        boolean notify = notifyClients || c.notifyClients();
        return new IncidentCase(id, classified, title, summary, escalate ? c.severity() : severity,
                escalate ? Math.max(priority, c.priority()) : priority, category, status, assignee,
                notify, personalData || c.personalData(), impact, union(assets, c.assets()),
                union(services, c.services()), union(dataCategories, c.dataCategories()), detectedAt, openedAt,
                classifiedAt, firstNotifiedAt, firstAcknowledgedAt, resolvedAt, closedAt,
                resolutionSummary, dataCompromised, updatedAt,
                attribution.classified(notify, !c.clients().isEmpty()));
    }

    /** Active, and no client of it is known although clients should be told: someone must name one. */
    public boolean awaitingAttribution() {
        return attribution == Attribution.AWAITING && status.isActive();
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** Refuses a command the case's state does not allow, with the reason a person can act on. */
    void requireAllows(Command command) {
        if (!classified) {
            throw new InvalidTransitionException(id, status, command,
                    "the incident is not classified yet; wait for triage's classification");
        }
        // A client who asks after the resolution, or replies to the survey after the closure, still gets an answer.
        if (command.talksWithClient()) {
            return;
        }
        if (status == CaseStatus.CLOSED) {
            throw new InvalidTransitionException(id, status, command,
                    "the incident is closed: its post-mortem was approved and its record is final");
        }
        // The resolution notice itself may be held for review after the incident is resolved: it can still be approved.
        if (status == CaseStatus.RESOLVED && command != Command.NOTE && command != Command.APPROVE_NOTICE) {
            throw new InvalidTransitionException(id, status, command,
                    "the incident is already resolved; only notes and the approval of a held notice remain");
        }
    }
}
