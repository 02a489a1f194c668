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
 * <p>
 * Wide: its JSON is the facts as stored ({@code incident.facts}, and frozen with an approved post-mortem) and as the
 * API shows them under {@code incident}: a new shape would leave the stored facts unreadable and change the contract.
 * The events it folds in arrive in small groups ({@link Classification}).
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
        Classification.Headline h = c.headline();
        Classification.Detection d = c.detection();
        Classification.Scope touched = c.scope();
        return new Incident(id,
                current || title == null ? h.title() : title,
                current || summary == null ? h.summary() : summary,
                resolvedAt != null && severity != null ? severity : current || severity == null ? h.severity() : severity,
                resolvedAt != null && category != null ? category : current || category == null ? h.category() : category,
                source == null ? d.source() : source,
                sourceReference == null ? d.sourceReference() : sourceReference,
                earliest(detectedAt, d.detectedAt()),
                earliest(alertReceivedAt, d.alertReceivedAt()),
                earliest(classifiedAt, c.classifiedAt()),
                firstNoticeAt, firstAcknowledgedAt, resolvedAt, resolvedBy, resolutionSummary,
                touched.impact() != null ? touched.impact() : impact,
                personalDataInvolved || touched.personalDataInvolved(),
                dataCompromised,
                sortedUnion(affectedClients, touched.affectedClients()),
                sortedUnion(affectedServices, touched.affectedServices()),
                sortedUnion(affectedAssets, touched.affectedAssets()),
                sortedUnion(dataCategories, touched.dataCategories()),
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

    /**
     * A classification of one of the incident's alerts: what the incident is, where the alert came from and what it
     * touches.
     *
     * @param attachedOnly the alert joined the incident without changing what it is
     */
    record Classification(Instant classifiedAt, boolean attachedOnly, Headline headline, Detection detection,
                          Scope scope, List<String> measuresTaken) {

        /** What triage says the incident is. */
        record Headline(String title, String summary, Severity severity, String category) {
        }

        /** The source that raised the alert, its reference for it, when it detected it and when Vigie received it. */
        record Detection(String source, String sourceReference, Instant detectedAt, Instant alertReceivedAt) {
        }

        /** What the incident touches, as this alert tells it. */
        record Scope(String impact, boolean personalDataInvolved, List<String> affectedClients,
                     List<String> affectedServices, List<String> affectedAssets, List<String> dataCategories) {
        }
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
