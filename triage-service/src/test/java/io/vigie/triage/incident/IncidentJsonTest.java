package io.vigie.triage.incident;

import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.alert.SourceKind;
import io.vigie.triage.policy.Classification;
import io.vigie.triage.policy.RuleFired;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/incidents/{id}} serves the incident as is: grouping it in Java must not change its JSON. */
class IncidentJsonTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void shouldServeTheIncidentAsOneFlatObject() {
        Classification classification = new Classification(Severity.HIGH, IncidentCategory.MALWARE, true,
                List.of(DataCategory.OPERATIONAL), List.of(), List.of(), List.of("app-02"), List.of(), List.of(),
                false, List.of(), null, false, 60, List.of(new RuleFired("baseline", "test", "severity HIGH")), "v1");
        Incident incident = new Incident(UUID.randomUUID(), "Trojan", "Trojan on app-02.", SourceKind.SPLUNK, "sid-1",
                classification, List.of("alice"), 42, new Sightings(3, T0, T0.plusSeconds(60), T0.plusSeconds(1), true));

        JsonNode json = JsonMapper.builder().build().valueToTree(incident);

        List<String> names = new ArrayList<>(json.propertyNames());
        assertThat(names).containsExactly("id", "title", "summary", "source", "sourceReference", "classification",
                "accounts", "priority", "alertCount", "firstDetected", "lastDetected", "firstReceived",
                "sourceResolved");
        assertThat(json.get("alertCount").asInt()).isEqualTo(3);
        assertThat(json.get("sourceResolved").asBoolean()).isTrue();
    }
}
