package io.vigie.postmortem.learning;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** Gauges read from the database at each scrape, so every instance reports the same, true numbers. */
@Component
class LearningMetrics implements MeterBinder {

    private final Learning learning;

    LearningMetrics(Learning learning) {
        this.learning = learning;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : new String[]{"DRAFT", "APPROVED"}) {
            Gauge.builder("vigie.postmortems", learning, l -> l.postmortemsByStatus().get(status))
                    .description("Post-mortems by status: DRAFT ones are open")
                    .tag("status", status.toLowerCase())
                    .register(registry);
        }
        Gauge.builder("vigie.postmortem.action.items.overdue", learning, Learning::overdueActionItems)
                .description("Open action items past their due date, across every post-mortem")
                .register(registry);
    }
}
