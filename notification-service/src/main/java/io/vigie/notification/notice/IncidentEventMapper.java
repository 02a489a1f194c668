package io.vigie.notification.notice;

import io.vigie.events.AlertClassified;
import io.vigie.events.DataCategory;
import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentUpdated;
import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.wording.Languages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The edge: incident events in, domain records out. No Avro type goes further than this class. What reaches a client
 * is taken as codes; free text only from the analysts' texts by language, and only in a language Vigie speaks.
 */
final class IncidentEventMapper {

    private IncidentEventMapper() {
    }

    static Classification toClassification(AlertClassified event) {
        IncidentFacts facts = new IncidentFacts(Category.valueOf(event.getCategory().name()),
                Severity.valueOf(event.getSeverity().name()), event.getDetectedAt(), event.getPersonalDataInvolved(),
                event.getDataCategories().stream().map(Enum::name).toList(),
                event.getMeasures().stream().map(Enum::name).toList(), event.getEstimatedResolutionAt());
        return new Classification(event.getEventId(), event.getIncidentId(),
                Classification.Change.valueOf(event.getChange().name()), event.getOccurredAt(), facts,
                clients(event.getAffectedClients(), event.getPersonalDataInvolved()),
                clients(event.getSuggestedClients(), event.getPersonalDataInvolved()),
                event.getNotifyClients());
    }

    static IncidentUpdate toUpdate(IncidentUpdated event) {
        return new IncidentUpdate(event.getEventId(), event.getIncidentId(), event.getActor(),
                new IncidentFacts.Change(Severity.valueOf(event.getSeverity().name()),
                        event.getMeasures().stream().map(Enum::name).toList(), event.getEstimatedResolutionAt()),
                event.getNotifyClients(), texts(event.getClientMessages()),
                new IncidentUpdate.Clients(event.getConfirmedClients(), event.getDetachedClients()),
                event.getApprovedNoticeId());
    }

    static ClientAnswer toAnswer(IncidentUpdated event) {
        return new ClientAnswer(event.getEventId(), event.getIncidentId(), event.getAnsweredMessageId(),
                event.getClientId(), event.getContactId(), texts(event.getClientMessages()), event.getActor(),
                event.getOccurredAt());
    }

    static ClientCall toCall(IncidentUpdated event) {
        return new ClientCall(event.getEventId(), event.getIncidentId(), event.getAnsweredMessageId(),
                event.getClientId(), event.getContactId(), event.getMessage(), event.getActor(), event.getOccurredAt());
    }

    static Resolution toResolution(IncidentResolved event) {
        return new Resolution(event.getEventId(), event.getIncidentId(), Severity.valueOf(event.getSeverity().name()),
                Category.valueOf(event.getCategory().name()), event.getDataCompromised(), event.getAffectedClientIds(),
                texts(event.getClientMessages()));
    }

    static Closure toClosure(IncidentClosed event) {
        // clientSummary (one text, language unknown) is not used: a contact must never read another language.
        return new Closure(event.getEventId(), event.getIncidentId(), event.getAffectedClientIds(),
                texts(event.getClientSummaries()));
    }

    private static List<AffectedClient> clients(List<io.vigie.events.AffectedClient> clients, boolean personal) {
        return clients.stream()
                .map(client -> new AffectedClient(client.getClientId(), client.getServices(), client.getAssets(),
                        personal(client.getDataCategories(), personal), client.getEmailMayBeCompromised(),
                        client.getDataCategories().stream().map(Enum::name).toList()))
                .toList();
    }

    /** The texts in the languages Vigie speaks, blank ones left out. */
    private static Map<String, String> texts(Map<String, String> byLanguage) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (byLanguage != null) {
            byLanguage.forEach((language, text) -> {
                if (Languages.supports(language) && text != null && !text.isBlank()) {
                    texts.put(language, text.strip());
                }
            });
        }
        return texts;
    }

    // A client's own data categories say whether its personal data is touched; without any, the incident's flag does.
    private static boolean personal(List<DataCategory> categories, boolean incidentInvolvesPersonalData) {
        if (categories.isEmpty()) {
            return incidentInvolvesPersonalData;
        }
        return categories.contains(DataCategory.PERSONAL) || categories.contains(DataCategory.HEALTH);
    }
}
