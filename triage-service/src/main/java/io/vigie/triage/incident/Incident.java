package io.vigie.triage.incident;

import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.alert.SourceKind;
import io.vigie.triage.policy.Classification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident as triage knows it: the first alert's identity, the merged classification of every alert joined to
 * it, and how many there were. {@code classification.rationale()} is that of the decision that set the current
 * severity (the opening or the last escalation).
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
        int alertCount,
        Instant firstDetected,
        Instant lastDetected,
        Instant firstReceived,
        boolean sourceResolved) {

    public Incident {
        accounts = List.copyOf(accounts);
    }

    public Severity severity() {
        return classification.severity();
    }

    public IncidentCategory category() {
        return classification.category();
    }
}
