package io.vigie.postmortem.report;

import io.vigie.postmortem.incident.Incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long each step of the response took, against its target. The steps: detect (the source detected it → the
 * alert reached Vigie), classify (alert received → first classification), notify (classified → first notice reached
 * a client), acknowledge (first notice → first client acknowledgement), resolve (detected → resolved).
 */
public record ResponseMetrics(List<Measure> measures) {

    public static ResponseMetrics of(Incident incident, ResponseTargets.Target target) {
        return new ResponseMetrics(List.of(
                measure("detect", incident.detectedAt(), incident.alertReceivedAt(), target.timeToDetect()),
                measure("classify", incident.alertReceivedAt(), incident.classifiedAt(), target.timeToClassify()),
                measure("notify", incident.classifiedAt(), incident.firstNoticeAt(), target.timeToNotify()),
                measure("acknowledge", incident.firstNoticeAt(), incident.firstAcknowledgedAt(), target.timeToAcknowledge()),
                measure("resolve", incident.detectedAt(), incident.resolvedAt(), target.timeToResolve())));
    }

    public Long seconds(String step) {
        return measures.stream().filter(m -> m.step().equals(step)).findFirst().map(Measure::actualSeconds)
                .orElse(null);
    }

    private static Measure measure(String step, Instant from, Instant to, Duration target) {
        Long actual = from == null || to == null ? null : Math.max(0, Duration.between(from, to).toSeconds());
        return new Measure(step, actual, target.toSeconds(), actual == null ? null : actual <= target.toSeconds());
    }

    /**
     * @param actualSeconds null when a step did not happen (or its events never reached this service)
     * @param met           null when there is nothing to compare
     */
    public record Measure(String step, Long actualSeconds, long targetSeconds, Boolean met) {

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
