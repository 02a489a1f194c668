package io.vigie.regulatory.clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.regulatory.obligation.DueSoon;
import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.obligation.Stage;
import io.vigie.regulatory.obligation.Stages;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code vigie.regulatory.reports{regime,report,state}}: how many reports are open, due soon and overdue, as of the
 * clock's last tick (a scrape never queries the database). Every combination is registered at start, so a series
 * at 0 exists before the first report.
 */
@Component
class ReportGauges {

    private static final List<Stage.State> STATES = List.of(Stage.State.OPEN, Stage.State.DUE_SOON,
            Stage.State.OVERDUE);

    private final Stages stages;
    private final DueSoon dueSoon;
    private final Clock clock;
    private final Map<ReportKind, Map<Stage.State, AtomicLong>> counts = new EnumMap<>(ReportKind.class);

    ReportGauges(Stages stages, DueSoon dueSoon, Clock clock, MeterRegistry meters) {
        this.stages = stages;
        this.dueSoon = dueSoon;
        this.clock = clock;
        for (ReportKind kind : ReportKind.values()) {
            Map<Stage.State, AtomicLong> byState = new EnumMap<>(Stage.State.class);
            for (Stage.State state : STATES) {
                AtomicLong count = new AtomicLong();
                byState.put(state, count);
                Gauge.builder("vigie.regulatory.reports", count, AtomicLong::get)
                        .description("Regulatory reports not yet submitted, by how close their deadline is")
                        .tag("regime", kind.regime().name()).tag("report", kind.name())
                        .tag("state", state.name().toLowerCase().replace('_', '-'))
                        .register(meters);
            }
            counts.put(kind, byState);
        }
    }

    void refresh() {
        Instant now = clock.instant();
        Map<ReportKind, Map<Stage.State, Long>> fresh = new EnumMap<>(ReportKind.class);
        for (Stage stage : stages.allOpen()) {
            fresh.computeIfAbsent(stage.kind(), k -> new EnumMap<>(Stage.State.class))
                    .merge(stage.state(now, dueSoon), 1L, Long::sum);
        }
        counts.forEach((kind, byState) -> byState.forEach((state, count) ->
                count.set(fresh.getOrDefault(kind, Map.of()).getOrDefault(state, 0L))));
    }
}
