package io.vigie.regulatory.obligation;

import io.vigie.regulatory.incident.Incident;
import io.vigie.regulatory.incident.Severity;
import io.vigie.regulatory.regime.Regime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CriterionTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    static Incident incident(Severity severity, int clients) {
        List<Incident.ClientImpact> impacts = java.util.stream.IntStream.range(0, clients).mapToObj(i ->
                new Incident.ClientImpact("client-" + i, List.of("svc-" + i), List.of(), List.of())).toList();
        return new Incident(UUID.randomUUID(), T, new Incident.Classification(severity, "MALWARE", "t", "s", T, false),
                impacts, List.of(), new Incident.Response("OPEN", List.of(), List.of(), null, null, null, null));
    }

    @Test
    void shouldMatchOnlyWhenEveryConditionOfACriterionHolds() {
        Criteria criteria = new Criteria(List.of(
                new Criterion("high-and-several-clients", Severity.HIGH, null, 2, null, null),
                new Criterion("long", Severity.MEDIUM, null, null, null, Duration.ofHours(24))), List.of());

        assertThat(criteria.matching(Regime.NIS2, incident(Severity.HIGH, 1), false, T)).isEmpty();
        assertThat(criteria.matching(Regime.NIS2, incident(Severity.CRITICAL, 2), false, T))
                .containsExactly("high-and-several-clients");
        assertThat(criteria.matching(Regime.NIS2, incident(Severity.MEDIUM, 1), false, T.plus(Duration.ofHours(24))))
                .containsExactly("long");
        assertThat(criteria.matching(Regime.DORA, incident(Severity.CRITICAL, 3), false, T)).isEmpty();
    }

    @Test
    void shouldRequirePersonalDataWhenTheCriterionSaysSo() {
        Criterion criterion = new Criterion("pd", Severity.HIGH, true, null, null, null);

        assertThat(criterion.holds(incident(Severity.HIGH, 1), false, T)).isFalse();
        assertThat(criterion.holds(incident(Severity.HIGH, 1), true, T)).isTrue();
        assertThat(criterion.holds(incident(Severity.MEDIUM, 1), true, T)).isFalse();
    }
}
