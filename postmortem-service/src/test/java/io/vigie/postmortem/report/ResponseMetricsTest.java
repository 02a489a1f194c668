package io.vigie.postmortem.report;

import io.vigie.postmortem.incident.Incident;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseMetricsTest {

    @Test
    void shouldJudgeEveryStepByTheClockCaseServiceRanWithItsTarget() {
        ResponseMetrics metrics = ResponseMetrics.of(ReportFixtures.incident());

        assertThat(metrics.measures()).containsExactly(
                new ResponseMetrics.Measure("detect", 120L, 300L, true),
                new ResponseMetrics.Measure("classify", 180L, 300L, true),
                new ResponseMetrics.Measure("notify", 2880L, 900L, false),
                new ResponseMetrics.Measure("acknowledge", 4680L, 1800L, false),
                new ResponseMetrics.Measure("resolve", 10680L, 14400L, true));
    }

    @Test
    void shouldShowTheDurationsWithoutJudgingThemWhenNoClockCameWithTheResolution() {
        Incident incident = ReportFixtures.incident();
        Incident withoutClocks = new Incident(incident.id(), incident.title(), incident.summary(), incident.severity(),
                incident.category(), incident.source(), incident.sourceReference(), incident.detectedAt(),
                incident.alertReceivedAt(), incident.classifiedAt(), incident.firstNoticeAt(),
                incident.firstAcknowledgedAt(), incident.resolvedAt(), incident.resolvedBy(),
                incident.resolutionSummary(), incident.impact(), incident.personalDataInvolved(),
                incident.dataCompromised(), incident.affectedClients(), incident.affectedServices(),
                incident.affectedAssets(), incident.dataCategories(), incident.measuresTaken(),
                incident.correctiveActions(), null);

        assertThat(ResponseMetrics.of(withoutClocks).measures()).containsExactly(
                new ResponseMetrics.Measure("detect", 120L, null, null),
                new ResponseMetrics.Measure("classify", 180L, null, null),
                new ResponseMetrics.Measure("notify", 2880L, null, null),
                new ResponseMetrics.Measure("acknowledge", 4680L, null, null),
                new ResponseMetrics.Measure("resolve", 10680L, null, null));
    }

    @Test
    void shouldLeaveAStepThatDidNotHappenOpenRatherThanCountItAsMet() {
        Incident noNotice = Incident.unknown(ReportFixtures.incident().id());

        ResponseMetrics metrics = ResponseMetrics.of(noNotice);

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
