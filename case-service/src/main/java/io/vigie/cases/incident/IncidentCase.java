package io.vigie.cases.incident;

import java.util.UUID;

/**
 * An incident's case as it stands, in groups that change together: what it is ({@code headline}), what it touches
 * ({@code scope}), who is to hear of it ({@code audience}) and its times ({@code clocks}). {@code classified} is false
 * for a case known only from a client notice or a closure that overtook its classification on another topic; it
 * fills in when the classification arrives.
 */
public record IncidentCase(UUID id, boolean classified, CaseStatus status, String assignee, Headline headline,
                           Scope scope, Audience audience, CaseClocks clocks, String resolutionSummary,
                           Boolean dataCompromised) {

    /** The case once its first classification arrived: everything but the status it may already have moved to. */
    IncidentCase classifiedBy(Classification c) {
        return new IncidentCase(id, true, status, assignee, c.headline(), c.scope(),
                audience.classified(c.rationale().notifyClients(), !c.clients().isEmpty()),
                clocks.classified(c.alert().detectedAt(), c.alert().receivedAt(), c.origin().occurredAt()),
                resolutionSummary, dataCompromised);
    }

    /**
     * A later alert of the same incident: what it touches joins the case; an escalation raises the severity (and the
     * priority, never lowering it).
     */
    IncidentCase mergedWith(Classification c, boolean escalate) {
        boolean notify = audience.notifyClients() || c.rationale().notifyClients();
        Headline merged = escalate ? headline.escalatedTo(c.headline()) : headline;
        return new IncidentCase(id, classified, status, assignee, merged,
                scope.joinedWith(c.scope()), audience.classified(notify, !c.clients().isEmpty()), clocks,
                resolutionSummary, dataCompromised);
    }

    /** The severity, which the SLA targets and the board go by. */
    public Severity severity() {
        return headline.severity();
    }

    /** Active, and no client of it is known although clients should be told: someone must name one. */
    public boolean awaitingAttribution() {
        return audience.attribution() == Attribution.AWAITING && status.isActive();
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
