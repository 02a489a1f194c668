package io.vigie.cases.sla;

import io.vigie.cases.CaseServiceTestBase;
import io.vigie.events.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SlaClocksIT extends CaseServiceTestBase {

    @Test
    void shouldShowAndCountABreachOnceTheTargetPassed() throws Exception {
        UUID incidentId = openIncident(Severity.CRITICAL, "Data exfiltration from CRM", "acme");
        assertThat(get("viewer", "/api/cases/" + incidentId).body())
                .contains("{\"kind\":\"NOTIFY\",\"state\":\"RUNNING\"");

        clock.advance(Duration.ofMinutes(20));

        assertThat(get("viewer", "/api/cases/" + incidentId).body())
                .contains("{\"kind\":\"NOTIFY\",\"state\":\"BREACHED\"")
                .contains("{\"kind\":\"RESOLVE\",\"state\":\"RUNNING\"");
        assertThat(gauge("vigie_case_sla_breaches", "clock=\"NOTIFY\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldExposeOpenCasesAndTimeToResolve() throws Exception {
        UUID incidentId = openIncident(Severity.MEDIUM, "Suspicious macro", "acme");
        assertThat(gauge("vigie_case_open", "severity=\"MEDIUM\"")).isGreaterThanOrEqualTo(1);

        assertThat(post("analyst", "/api/cases/" + incidentId + "/resolution",
                "{\"summary\":\"Macro blocked\",\"dataCompromised\":false}").statusCode()).isEqualTo(200);

        assertThat(gauge("vigie_case_time_to_resolve_seconds_count", "severity=\"MEDIUM\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(get(null, "/actuator/prometheus").body())
                .contains("vigie_case_time_to_resolve_seconds_bucket")
                .containsPattern("vigie_case_commands_total\\{[^}]*command=\"RESOLVE\"");
    }

    /** The sum of a meter's samples that carry {@code label} (Prometheus sorts the labels by name). */
    private double gauge(String name, String label) throws Exception {
        String metrics = get(null, "/actuator/prometheus").body();
        return Arrays.stream(metrics.split("\n"))
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
