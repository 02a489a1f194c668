package io.vigie.regulatory.incident;

import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.events.IncidentUpdated;

import java.util.List;

/** The edge in: the events' generated Avro classes as this service's domain types. */
final class IncidentEventMapper {

    private IncidentEventMapper() {
    }

    static Incident.Classified classified(AlertClassified e) {
        Incident.Classification classification = new Incident.Classification(Severity.valueOf(e.getSeverity().name()),
                e.getCategory().name(), e.getTitle(), e.getSummary(), e.getDetectedAt(), e.getPersonalDataInvolved());
        List<Incident.ClientImpact> clients = e.getAffectedClients().stream().map(IncidentEventMapper::client).toList();
        List<String> indicators = e.getMatchedIndicators().stream()
                .map(i -> i.getType().name() + " " + i.getValue()).toList();
        return new Incident.Classified(e.getOccurredAt(), classification, clients, indicators,
                e.getMeasures().stream().map(Enum::name).toList(), e.getMeasuresTaken());
    }

    static List<String> measures(IncidentUpdated e) {
        return e.getMeasures().stream().map(Enum::name).toList();
    }

    private static Incident.ClientImpact client(AffectedClient c) {
        return new Incident.ClientImpact(c.getClientId(), c.getServices(), c.getAssets(),
                c.getDataCategories().stream().map(Enum::name).toList());
    }
}
