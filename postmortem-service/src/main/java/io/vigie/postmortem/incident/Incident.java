package io.vigie.postmortem.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What this service knows of one incident, folded from the events in whatever order they arrive: the topics are
 * separate, so a notice may be read before the classification it follows. Every "first" time is therefore the
 * earliest seen, and lists are unions.
 */
public record Incident(
        UUID id,
        String title,
        String summary,
        Severity severity,
        String category,
        String source,
        String sourceReference,
        Instant detectedAt,
        Instant alertReceivedAt,
        Instant classifiedAt,
        Instant firstNoticeAt,
        Instant firstAcknowledgedAt,
        Instant resolvedAt,
        String resolvedBy,
        String resolutionSummary,
        String impact,
        boolean personalDataInvolved,
        boolean dataCompromised,
        List<String> affectedClients,
        List<String> affectedServices,
        List<String> affectedAssets,
        List<String> dataCategories,
        List<String> measuresTaken,
        List<String> correctiveActions,
        List<CaseClock> caseClocks) {

    public Incident {
        affectedClients = List.copyOf(affectedClients);
        affectedServices = List.copyOf(affectedServices);
        affectedAssets = List.copyOf(affectedAssets);
        dataCategories = List.copyOf(dataCategories);
        measuresTaken = List.copyOf(measuresTaken);
        correctiveActions = List.copyOf(correctiveActions);
        // Facts kept before the clocks travelled with the resolution have none.
        caseClocks = caseClocks == null ? List.of() : List.copyOf(caseClocks);
    }

    public static Incident unknown(UUID id) {
        return new Incident(id, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, false, false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The description of the report: what happened, then what was done. */
    public String description() {
        StringBuilder text = new StringBuilder();
        if (summary != null) {
            text.append(summary);
        }
        if (resolutionSummary != null) {
            text.append(text.isEmpty() ? "" : "\n\n").append(resolutionSummary);
        }
        return text.toString();
    }

    Incident classified(Classification c) {
        // Events of one incident on one topic arrive in order, so the latest classification holds the current
        // title and severity; an attached alert does not change them.
        boolean current = classifiedAt == null || !c.attachedOnly();
        return new Incident(id,
                current || title == null ? c.title() : title,
                current || summary == null ? c.summary() : summary,
                resolvedAt != null && severity != null ? severity : current || severity == null ? c.severity() : severity,
                resolvedAt != null && category != null ? category : current || category == null ? c.category() : category,
                source == null ? c.source() : source,
                sourceReference == null ? c.sourceReference() : sourceReference,
                earliest(detectedAt, c.detectedAt()),
                earliest(alertReceivedAt, c.alertReceivedAt()),
                earliest(classifiedAt, c.classifiedAt()),
                firstNoticeAt, firstAcknowledgedAt, resolvedAt, resolvedBy, resolutionSummary,
                c.impact() != null ? c.impact() : impact,
                personalDataInvolved || c.personalDataInvolved(),
                dataCompromised,
                sortedUnion(affectedClients, c.affectedClients()),
                sortedUnion(affectedServices, c.affectedServices()),
                sortedUnion(affectedAssets, c.affectedAssets()),
                sortedUnion(dataCategories, c.dataCategories()),
                union(measuresTaken, c.measuresTaken()),
                correctiveActions, caseClocks);
    }

    Incident notified(Notice notice) {
        return new Incident(id, title, summary, severity, category, source, sourceReference, detectedAt,
                alertReceivedAt, classifiedAt,
                notice.reachedClient() ? earliest(firstNoticeAt, notice.at()) : firstNoticeAt,
                notice.acknowledged() ? earliest(firstAcknowledgedAt, notice.at()) : firstAcknowledgedAt,
                resolvedAt, resolvedBy, resolutionSummary, impact, personalDataInvolved, dataCompromised,
                sortedUnion(affectedClients, List.of(notice.clientId())), affectedServices, affectedAssets, dataCategories,
                measuresTaken, correctiveActions, caseClocks);
    }

    Incident updated(Update update) {
        return new Incident(id, title, summary,
                update.severity() != null && resolvedAt == null ? update.severity() : severity,
                category, source, sourceReference, detectedAt, alertReceivedAt, classifiedAt, firstNoticeAt,
                firstAcknowledgedAt, resolvedAt, resolvedBy, resolutionSummary, impact, personalDataInvolved,
                dataCompromised, affectedClients, affectedServices, affectedAssets, dataCategories,
                union(measuresTaken, update.measuresTaken()), correctiveActions, caseClocks);
    }

    Incident resolved(Resolution r) {
        return new Incident(id, title == null ? r.summary() : title, summary, r.severity(), r.category(), source,
                sourceReference, detectedAt, alertReceivedAt, classifiedAt, firstNoticeAt, firstAcknowledgedAt,
                r.resolvedAt(), r.resolvedBy(), r.summary(), impact, personalDataInvolved,
                dataCompromised || r.dataCompromised(),
                sortedUnion(affectedClients, r.affectedClients()), affectedServices, affectedAssets, dataCategories,
                measuresTaken, union(correctiveActions, r.correctiveActions()),
                r.caseClocks().isEmpty() ? caseClocks : r.caseClocks());
    }

    private static Instant earliest(Instant known, Instant seen) {
        if (known == null || seen == null) {
            return known == null ? seen : known;
        }
        return seen.isBefore(known) ? seen : known;
    }

    /** Sets whose order means nothing are kept sorted, so a report reads the same whatever order events came in. */
    private static List<String> sortedUnion(List<String> known, List<String> seen) {
        return union(known, seen).stream().sorted().toList();
    }

    private static List<String> union(List<String> known, List<String> seen) {
        LinkedHashSet<String> all = new LinkedHashSet<>(known);
        seen.stream().filter(Objects::nonNull).forEach(all::add);
        return new ArrayList<>(all);
    }

    public enum Severity { CRITICAL, HIGH, MEDIUM, LOW }

    record Classification(Instant classifiedAt, boolean attachedOnly, String title, String summary,
                          Severity severity, String category, String source, String sourceReference,
                          Instant detectedAt, Instant alertReceivedAt, String impact, boolean personalDataInvolved,
                          List<String> affectedClients, List<String> affectedServices, List<String> affectedAssets,
                          List<String> dataCategories, List<String> measuresTaken) {
    }

    record Notice(Instant at, String clientId, boolean reachedClient, boolean acknowledged) {
    }

    record Update(Severity severity, List<String> measuresTaken) {
    }

    record Resolution(Instant resolvedAt, String resolvedBy, Severity severity, String category, String summary,
                      List<String> correctiveActions, boolean dataCompromised, List<String> affectedClients,
                      List<CaseClock> caseClocks) {
    }
}
