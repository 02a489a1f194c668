package io.vigie.triage.incident;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.alert.SourceKind;
import io.vigie.triage.policy.Classification;

import java.util.List;
import java.util.UUID;

/**
 * An incident as triage knows it: the first alert's identity, the merged classification of every alert joined to
 * it, and how many there were. {@code classification.rationale()} is that of the decision that set the current
 * severity (the opening or the last escalation).
 * <p>
 * {@code GET /api/incidents/{id}} serves it as is: its {@code sightings} are unwrapped, so the body keeps the flat
 * shape the API documents ({@code alertCount}, {@code firstDetected}, … beside {@code priority}).
 */
public record Incident(
        UUID id,
        String title,
        String summary,
        SourceKind source,
        String sourceReference,
        Classification classification,
        List<String> accounts,
        int priority,
        @JsonUnwrapped Sightings sightings) {

    public Incident {
        accounts = List.copyOf(accounts);
    }

    /** The incident once another alert joined it: the merged classification, accounts and priority. */
    public Incident with(Classification merged, List<String> allAccounts, int newPriority, Sightings newSightings) {
        return new Incident(id, title, summary, source, sourceReference, merged, allAccounts, newPriority, newSightings);
    }

    public Severity severity() {
        return classification.severity();
    }

    public IncidentCategory category() {
        return classification.category();
    }
}
