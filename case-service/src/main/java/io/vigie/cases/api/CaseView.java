package io.vigie.cases.api;

import io.vigie.cases.incident.Attribution;
import io.vigie.cases.incident.CaseClocks;
import io.vigie.cases.incident.CaseStatus;
import io.vigie.cases.incident.Headline;
import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.incident.Scope;
import io.vigie.cases.incident.Severity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as {@code GET /api/cases} lists it and {@code GET /api/cases/{id}} shows it under {@code incident}: the
 * groups of {@link IncidentCase} laid flat, in the order the API has always given them.
 *
 * @param openedAt        when the first alert was received: where every SLA clock starts
 * @param firstNotifiedAt the first client notice sent
 * @param attribution     whether someone must still say which client the incident concerns
 */
// Wide: a JSON body whose flat shape is the API's contract, read by the dashboard's scripts and the system tests.
record CaseView(UUID id, boolean classified, String title, String summary, Severity severity, int priority,
                String category, CaseStatus status, String assignee, boolean notifyClients, boolean personalData,
                String impact, List<String> assets, List<String> services, List<String> dataCategories,
                Instant detectedAt, Instant openedAt, Instant classifiedAt, Instant firstNotifiedAt,
                Instant firstAcknowledgedAt, Instant resolvedAt, Instant closedAt, String resolutionSummary,
                Boolean dataCompromised, Instant updatedAt, Attribution attribution) {

    static CaseView of(IncidentCase c) {
        Headline h = c.headline();
        Scope s = c.scope();
        CaseClocks t = c.clocks();
        return new CaseView(c.id(), c.classified(), h.title(), h.summary(), h.severity(), h.priority(), h.category(),
                c.status(), c.assignee(), c.audience().notifyClients(), s.personalData(), s.impact(), s.assets(),
                s.services(), s.dataCategories(), t.detectedAt(), t.openedAt(), t.classifiedAt(), t.firstNotifiedAt(),
                t.firstAcknowledgedAt(), t.resolvedAt(), t.closedAt(), c.resolutionSummary(), c.dataCompromised(),
                t.updatedAt(), c.audience().attribution());
    }
}
