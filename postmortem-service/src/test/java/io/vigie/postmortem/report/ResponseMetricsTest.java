package io.vigie.postmortem.report;

import io.vigie.postmortem.incident.Incident;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseMetricsTest {

    private static final ResponseTargets.Target CRITICAL = new ResponseTargets.Target(Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(4));

    @Test
    void shouldCompareEveryStepWithItsTarget() {
        ResponseMetrics metrics = ResponseMetrics.of(ReportFixtures.incident(), CRITICAL);

        assertThat(metrics.measures()).containsExactly(
                new ResponseMetrics.Measure("detect", 120L, 300, true),
                new ResponseMetrics.Measure("classify", 180L, 900, true),
                new ResponseMetrics.Measure("notify", 2700L, 1800, false),
                new ResponseMetrics.Measure("acknowledge", 1800L, 7200, true),
                new ResponseMetrics.Measure("resolve", 10800L, 14400, true));
    }

    @Test
    void shouldLeaveAStepThatDidNotHappenOpenRatherThanCountItAsMet() {
        Incident noNotice = Incident.unknown(ReportFixtures.incident().id());

        ResponseMetrics metrics = ResponseMetrics.of(noNotice, CRITICAL);

        assertThat(metrics.measures()).extracting(ResponseMetrics.Measure::actualSeconds, ResponseMetrics.Measure::met)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(null, null));
        assertThat(metrics.seconds("notify")).isNull();
    }

    @Test
    void shouldReadDurationsTheWayPeopleSayThem() {
        assertThat(List.of(ResponseMetrics.Measure.human(45L), ResponseMetrics.Measure.human(2700L),
                ResponseMetrics.Measure.human(10980L), ResponseMetrics.Measure.human(null)))
                .containsExactly("45 s", "45 min 00 s", "3 h 03 min", "n/a");
    }
}
