package io.vigie.postmortem.report;

import io.vigie.postmortem.incident.CaseClock;
import io.vigie.postmortem.incident.Incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How long each step of the response took, against its target, as case-service's SLA clocks measured it: case-service
 * owns the targets and sends, with the resolution, each clock's start, end, target and verdict. The steps: detect (the
 * source detected it → the first alert reached Vigie), then classify, notify, acknowledge and resolve, each counted from
 * the first alert as the case's clocks count. An incident whose resolution came without clocks (resolved before they
 * travelled, or not resolved yet) shows the durations this service saw, without a target to judge them by.
 */
public record ResponseMetrics(List<Measure> measures) {

    public static ResponseMetrics of(Incident incident) {
        Map<String, CaseClock> clocks = incident.caseClocks().stream()
                .collect(Collectors.toMap(CaseClock::step, Function.identity(), (first, second) -> first));
        return new ResponseMetrics(List.of(
                measure("detect", incident.detectedAt(), incident.alertReceivedAt(), clocks),
                measure("classify", incident.alertReceivedAt(), incident.classifiedAt(), clocks),
                measure("notify", incident.alertReceivedAt(), incident.firstNoticeAt(), clocks),
                measure("acknowledge", incident.alertReceivedAt(), incident.firstAcknowledgedAt(), clocks),
                measure("resolve", incident.alertReceivedAt(), incident.resolvedAt(), clocks)));
    }

    public Long seconds(String step) {
        return measures.stream().filter(m -> m.step().equals(step)).findFirst().map(Measure::actualSeconds)
                .orElse(null);
    }

    private static Measure measure(String step, Instant from, Instant to, Map<String, CaseClock> clocks) {
        CaseClock clock = clocks.get(step);
        if (clock != null) {
            return new Measure(step, seconds(clock.startedAt(), clock.endedAt()), clock.targetSeconds(), clock.met());
        }
        return new Measure(step, seconds(from, to), null, null);
    }

    private static Long seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Math.max(0, Duration.between(from, to).toSeconds());
    }

    /**
     * @param actualSeconds null when a step did not happen (or its events never reached this service)
     * @param targetSeconds case-service's target for the step; null when no clock came with the resolution
     * @param met           null when there is nothing to compare
     */
    public record Measure(String step, Long actualSeconds, Long targetSeconds, Boolean met) {

        /** "1 h 05 min" style, for reports. */
        public static String human(Long seconds) {
            if (seconds == null) {
                return "n/a";
            }
            long h = seconds / 3600;
            long m = (seconds % 3600) / 60;
            long s = seconds % 60;
            if (h > 0) {
                return h + " h " + String.format("%02d", m) + " min";
            }
            return m > 0 ? m + " min " + String.format("%02d", s) + " s" : s + " s";
        }
    }
}
