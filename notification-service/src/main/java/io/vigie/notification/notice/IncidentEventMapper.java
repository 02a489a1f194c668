package io.vigie.notification.notice;

import io.vigie.events.AlertClassified;
import io.vigie.events.DataCategory;
import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentUpdated;

import java.util.List;

/** The edge: incident events in, domain records out. No Avro type goes further than this class. */
final class IncidentEventMapper {

    private IncidentEventMapper() {
    }

    static Classification toClassification(AlertClassified event) {
        NoticeContent facts = new NoticeContent(event.getTitle(), Category.valueOf(event.getCategory().name()),
                Severity.valueOf(event.getSeverity().name()), event.getSummary(), event.getImpact(),
                event.getAffectedServices(), event.getAffectedAssets(), event.getPersonalDataInvolved(),
                event.getMeasuresTaken(), event.getResolutionPlan(), event.getEstimatedResolutionAt(),
                event.getRecommendedActions(), null, null, List.of(), List.of());
        List<AffectedClient> clients = event.getAffectedClients().stream()
                .map(client -> new AffectedClient(client.getClientId(), client.getServices(), client.getAssets(),
                        personal(client.getDataCategories(), event.getPersonalDataInvolved()),
                        client.getEmailMayBeCompromised()))
                .toList();
        return new Classification(event.getEventId(), event.getIncidentId(),
                Classification.Change.valueOf(event.getChange().name()), event.getOccurredAt(), facts, clients,
                event.getNotifyClients(), event.getDataCategories().stream().map(Enum::name).toList(),
                event.getGdprDeadline());
    }

    static IncidentUpdate toUpdate(IncidentUpdated event) {
        return new IncidentUpdate(event.getEventId(), event.getIncidentId(),
                Severity.valueOf(event.getSeverity().name()), event.getMessage(), event.getNotifyClients(),
                event.getMeasuresTaken(), event.getResolutionPlan(), event.getEstimatedResolutionAt());
    }

    static Resolution toResolution(IncidentResolved event) {
        return new Resolution(event.getEventId(), event.getIncidentId(), Severity.valueOf(event.getSeverity().name()),
                Category.valueOf(event.getCategory().name()), event.getSummary(), event.getCorrectiveActions(),
                event.getDataCompromised(), event.getAffectedClientIds());
    }

    static Closure toClosure(IncidentClosed event) {
        return new Closure(event.getEventId(), event.getIncidentId(), event.getClientSummary(),
                event.getLessonsLearned(), event.getAffectedClientIds());
    }

    // A client's own data categories say whether its personal data is touched; without any, the incident's flag does.
    private static boolean personal(List<DataCategory> categories, boolean incidentInvolvesPersonalData) {
        if (categories.isEmpty()) {
            return incidentInvolvesPersonalData;
        }
        return categories.contains(DataCategory.PERSONAL) || categories.contains(DataCategory.HEALTH);
    }
}
