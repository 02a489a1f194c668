package io.vigie.postmortem.report;

import io.vigie.postmortem.incident.Incident.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * {@code vigie.postmortem.targets.<severity>.*}: how fast the response should be, per severity, the yardstick of
 * the report's response metrics.
 */
@ConfigurationProperties("vigie.postmortem")
public record ResponseTargets(Map<Severity, Target> targets) {

    public ResponseTargets {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }

    /** The target for {@code severity}, or the MEDIUM one when the incident's severity is unknown. */
    public Target of(Severity severity) {
        Target target = targets.get(severity == null ? Severity.MEDIUM : severity);
        if (target == null) {
            throw new IllegalStateException("No response target configured for " + severity
                    + " (vigie.postmortem.targets." + severity + ")");
        }
        return target;
    }

    public record Target(Duration timeToDetect, Duration timeToClassify, Duration timeToNotify,
                         Duration timeToAcknowledge, Duration timeToResolve) {
    }
}
