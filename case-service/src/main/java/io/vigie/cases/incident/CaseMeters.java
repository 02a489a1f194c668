package io.vigie.cases.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.cases.incident.internal.CaseRepository;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The case's own meters: open cases by severity, those waiting for a client to be named, and failed notices (gauges read from the database at scrape
 * time, so every instance reports the same truth), time to acknowledge and to resolve (histograms, so MTTA and
 * MTTR and their percentiles come out of Prometheus), and the commands people take.
 */
@Component
class CaseMeters {

    private final MeterRegistry registry;

    CaseMeters(MeterRegistry registry, CaseRepository cases) {
        this.registry = registry;
        for (Severity severity : Severity.values()) {
            Gauge.builder("vigie.case.open", cases, repository -> repository.countActive(severity))
                    .description("Active cases (open, notified, in progress)")
                    .tag("severity", severity.name())
                    .register(registry);
        }
        for (Severity severity : Severity.values()) {
            Gauge.builder("vigie.case.attribution.awaiting", cases,
                            repository -> repository.countAwaitingAttribution(severity))
                    .description("Active cases whose clients should be told but none is known: someone must name one")
                    .tag("severity", severity.name())
                    .register(registry);
        }
        Gauge.builder("vigie.case.notices.failed", cases, CaseRepository::countFailedNotices)
                .description("Affected clients of active cases whose latest notice attempt failed")
                .register(registry);
    }

    void acknowledged(Severity severity, Duration sinceOpened) {
        timer("vigie.case.time.to.acknowledge", "From the first alert to the first client acknowledgement", severity)
                .record(sinceOpened);
    }

    void resolved(Severity severity, Duration sinceOpened) {
        timer("vigie.case.time.to.resolve", "From the first alert to the resolution", severity).record(sinceOpened);
    }

    void command(Command command) {
        Counter.builder("vigie.case.commands").description("Commands taken on cases")
                .tag("command", command.name()).register(registry).increment();
    }

    private Timer timer(String name, String description, Severity severity) {
        return Timer.builder(name).description(description)
                .tag("severity", severity == null ? "UNKNOWN" : severity.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(30))
                .register(registry);
    }
}
