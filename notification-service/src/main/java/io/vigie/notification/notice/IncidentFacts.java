package io.vigie.notification.notice;

import java.time.Instant;
import java.util.List;

/** What the service knows of an incident as a whole, from the events; each client's notice adds its own share. */
public record IncidentFacts(Category category, Severity severity, Instant detectedAt, boolean personalData,
                            List<String> dataCategories, List<String> measures, Instant estimatedResolutionAt) {

    public IncidentFacts {
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    IncidentFacts with(Severity newSeverity, List<String> moreMeasures, Instant newEstimate) {
        List<String> all = new java.util.ArrayList<>(measures);
        moreMeasures.stream().filter(m -> !all.contains(m)).forEach(all::add);
        return new IncidentFacts(category, newSeverity == null ? severity : newSeverity, detectedAt, personalData,
                dataCategories, all, newEstimate == null ? estimatedResolutionAt : newEstimate);
    }

    /** This incident as one client is told it: its own services and data. */
    NoticeContent forClient(AffectedClient client) {
        List<String> data = client.dataCategories().isEmpty() && client.personalData() ? List.of("PERSONAL")
                : client.dataCategories();
        return new NoticeContent(category, category, severity, detectedAt, client.services(), data,
                client.personalData(), measures, estimatedResolutionAt, null, null, null, null, false);
    }
}
