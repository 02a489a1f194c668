package io.vigie.cases.sla;

import io.vigie.cases.incident.Attribution;
import io.vigie.cases.incident.Audience;
import io.vigie.cases.incident.CaseClocks;
import io.vigie.cases.incident.CaseStatus;
import io.vigie.cases.incident.Headline;
import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.incident.Scope;
import io.vigie.cases.incident.Severity;
import io.vigie.cases.incident.SlaResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ResolutionClocksTest {

    private static final Instant DETECTED = Instant.parse("2026-11-23T07:52:00Z");
    private static final Instant OPENED = Instant.parse("2026-11-23T08:00:00Z");

    private final ResolutionClocks clocks = new ResolutionClocks(SlaProperties.defaults());

    @Test
    void shouldReportEachResponseClockWithTheTargetThatAppliedAtTheIncidentsSeverity() {
        // CRITICAL: detected 8 min before the alert (target 5), classified after 2 min (5), first notice after 40 min
        // (15), never acknowledged, resolved after 3 h (4 h).
        IncidentCase resolved = new IncidentCase(UUID.randomUUID(), true, CaseStatus.RESOLVED, null,
                new Headline("t", "s", Severity.CRITICAL, 90, "MALWARE"),
                new Scope(false, null, List.of(), List.of(), List.of()), new Audience(true, Attribution.NOT_NEEDED),
                new CaseClocks(DETECTED, OPENED, OPENED.plus(Duration.ofMinutes(2)), OPENED.plus(Duration.ofMinutes(40)),
                        null, OPENED.plus(Duration.ofHours(3)), null, OPENED),
                "Done", false);

        List<SlaResult> results = clocks.of(resolved);

        assertThat(results).extracting(SlaResult::clock, SlaResult::target, SlaResult::met).containsExactly(
                tuple("DETECT", Duration.ofMinutes(5), false),
                tuple("CLASSIFY", Duration.ofMinutes(5), true),
                tuple("NOTIFY", Duration.ofMinutes(15), false),
                // Never acknowledged, and the deadline (30 min) passed before the resolution.
                tuple("ACKNOWLEDGE", Duration.ofMinutes(30), false),
                tuple("RESOLVE", Duration.ofHours(4), true));
        assertThat(results.get(2).startedAt()).isEqualTo(OPENED);
        assertThat(results.get(2).endedAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(40)));
        assertThat(results.get(3).endedAt()).isNull();
    }

    @Test
    void shouldReportNothingForACaseThatIsNotResolved() {
        IncidentCase open = new IncidentCase(UUID.randomUUID(), true, CaseStatus.OPEN, null,
                new Headline("t", "s", Severity.HIGH, 50, "MALWARE"),
                new Scope(false, null, List.of(), List.of(), List.of()), new Audience(true, Attribution.NOT_NEEDED),
                new CaseClocks(DETECTED, OPENED, OPENED, null, null, null, null, OPENED), null, null);

        assertThat(clocks.of(open)).isEmpty();
    }
}
