package io.vigie.intake.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The service's own meters. The {@code source} tag is always a configured source name (or {@code unknown}), never
 * what the URL said: a scanner trying names must not create a time series per attempt. Meters are looked up once per
 * tag combination (all bounded: configured sources, reasons, outcomes) and kept, since building one on every request
 * is measurable on the webhook path.
 */
@Component
class IntakeMetrics {

    static final String UNKNOWN_SOURCE = "unknown";

    private final MeterRegistry meters;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void received(String source, String type) {
        counters.computeIfAbsent(List.of("received", source, type), k -> Counter.builder("vigie.intake.received")
                .description("Webhook and API requests received")
                .tag("source", source).tag("type", type).register(meters)).increment();
    }

    void accepted(String source, int published, int duplicates) {
        if (published > 0) {
            counters.computeIfAbsent(List.of("accepted", source), k -> Counter.builder("vigie.intake.accepted")
                    .description("Alerts published to the broker")
                    .tag("source", source).register(meters)).increment(published);
        }
        if (duplicates > 0) {
            counters.computeIfAbsent(List.of("duplicates", source), k -> Counter.builder("vigie.intake.duplicates")
                    .description("Alerts acknowledged as repeats, not republished")
                    .tag("source", source).register(meters)).increment(duplicates);
        }
    }

    void rejected(String source, String reason) {
        counters.computeIfAbsent(List.of("rejected", source, reason), k -> Counter.builder("vigie.intake.rejected")
                .description("Requests refused, by reason")
                .tag("source", source).tag("reason", reason).register(meters)).increment();
    }

    void request(String source, String type, String outcome, long nanos) {
        timers.computeIfAbsent(List.of(source, type, outcome), k -> Timer.builder("vigie.intake.request")
                .description("Request handling time, from arrival to answer")
                .tag("source", source).tag("type", type).tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters)).record(nanos, TimeUnit.NANOSECONDS);
    }
}
