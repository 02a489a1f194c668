package io.vigie.cases.sla;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.cases.incident.CaseFilter;
import io.vigie.cases.incident.CaseQueries;
import io.vigie.cases.incident.IncidentCase;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/** {@code vigie.case.sla.breaches{clock}}: active cases with that clock breached, computed when scraped. */
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
        for (IncidentCase c : cases.list(CaseFilter.active())) {
            clocks.of(c).stream().filter(clock -> clock.state().breached())
                    .forEach(clock -> counts.merge(clock.kind(), 1, Integer::sum));
        }
        return counts;
    }
}
