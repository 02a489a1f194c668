package io.vigie.notification.notice;

import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;

import java.time.Instant;
import java.util.List;

/** What the service knows of an incident as a whole, from the events; each client's notice adds its own share. */
public record IncidentFacts(Category category, Severity severity, Instant detectedAt, boolean personalData,
                            List<String> dataCategories, List<String> measures, Instant estimatedResolutionAt) {

    public IncidentFacts {
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /** These facts after {@code change}: a severity or estimate it gives replaces the known one, measures add up. */
    IncidentFacts with(Change change) {
        List<String> all = new java.util.ArrayList<>(measures);
        change.measures().stream().filter(m -> !all.contains(m)).forEach(all::add);
        return new IncidentFacts(category, change.severity() == null ? severity : change.severity(), detectedAt,
                personalData, dataCategories, all,
                change.estimatedResolutionAt() == null ? estimatedResolutionAt : change.estimatedResolutionAt());
    }

    /** What an analyst's update says of the facts: a new severity, measures taken, a new estimate (each optional). */
    public record Change(Severity severity, List<String> measures, Instant estimatedResolutionAt) {

        public Change {
            measures = measures == null ? List.of() : List.copyOf(measures);
        }
    }

    /** This incident as one client is told it: its own services and data. */
    NoticeContent forClient(AffectedClient client) {
        List<String> data = client.dataCategories().isEmpty() && client.personalData() ? List.of("PERSONAL")
                : client.dataCategories();
        return NoticeContent.of(new NoticeContent.Facts(category, severity, detectedAt, client.services(), data,
                client.personalData(), measures, estimatedResolutionAt));
    }
}
