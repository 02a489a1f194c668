package io.vigie.cases.sla;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.cases.incident.CaseFilter;
import io.vigie.cases.incident.CaseQueries;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code vigie.case.sla.breaches{clock}}: active cases (and those with a client message unanswered) with that clock
 * breached, computed when scraped.
 */
@Component
class SlaMeters {

    private final CaseQueries cases;
    private final SlaClocks clocks;

    SlaMeters(MeterRegistry registry, CaseQueries cases, SlaClocks clocks) {
        this.cases = cases;
        this.clocks = clocks;
        for (ClockKind kind : ClockKind.values()) {
            Gauge.builder("vigie.case.sla.breaches", this, meters -> meters.breaches().get(kind))
                    .description("Active cases whose clock is past its target")
                    .tag("clock", kind.name())
                    .register(registry);
        }
    }

    Map<ClockKind, Integer> breaches() {
        Map<ClockKind, Integer> counts = new EnumMap<>(ClockKind.class);
        for (ClockKind kind : ClockKind.values()) {
            counts.put(kind, 0);
        }
        // A case counts once per kind, however many of its client messages were answered late.
        for (List<SlaClock> caseClocks : clocks.of(cases.list(CaseFilter.active())).values()) {
            caseClocks.stream().filter(clock -> clock.state().breached()).map(SlaClock::kind).distinct()
                    .forEach(kind -> counts.merge(kind, 1, Integer::sum));
        }
        return counts;
    }
}
