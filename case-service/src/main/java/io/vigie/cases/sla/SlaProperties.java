package io.vigie.cases.sla;

import io.vigie.cases.incident.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code vigie.case.sla.*}: how long each step of the response may take, counted from the first alert (a client's
 * message: from its receipt), per severity. Each target can be set alone ({@code vigie.case.sla.critical.to-notify=10m}); the others keep their
 * defaults. These are the SOC's own targets; legal deadlines (GDPR, NIS2, DORA) are regulatory-service's and arrive as
 * RegulatoryReportChanged.
 */
@ConfigurationProperties("vigie.case.sla")
public record SlaProperties(Targets critical, Targets high, Targets medium, Targets low) {

    static final Targets CRITICAL_DEFAULTS = new Targets(Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(4), Duration.ofMinutes(30), Duration.ofMinutes(5));
    static final Targets HIGH_DEFAULTS = new Targets(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(24), Duration.ofHours(1), Duration.ofMinutes(15));
    static final Targets MEDIUM_DEFAULTS = new Targets(Duration.ofHours(1), Duration.ofHours(4),
            Duration.ofHours(8), Duration.ofHours(72), Duration.ofHours(4), Duration.ofHours(1));
    static final Targets LOW_DEFAULTS = new Targets(Duration.ofHours(4), Duration.ofHours(24),
            Duration.ofHours(48), Duration.ofDays(7), Duration.ofHours(24), Duration.ofHours(4));

    public SlaProperties {
        critical = Targets.orDefaults(critical, CRITICAL_DEFAULTS);
        high = Targets.orDefaults(high, HIGH_DEFAULTS);
        medium = Targets.orDefaults(medium, MEDIUM_DEFAULTS);
        low = Targets.orDefaults(low, LOW_DEFAULTS);
    }

    public static SlaProperties defaults() {
        return new SlaProperties(null, null, null, null);
    }

    public Targets of(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
        };
    }

    /**
     * @param toClassify    first alert → triage's classification
     * @param toNotify      first alert → first client notice sent
     * @param toAcknowledge first alert → first client acknowledgement
     * @param toResolve     first alert → resolution
     * @param toAnswer      a client's message received → its answer (this one counts from the message, not the alert)
     * @param toDetect      the source detected it → its first alert reached Vigie: the SIEM's part, no clock on the
     *                      board (it is over before the case opens); judged in the post-mortem from the resolution
     */
    public record Targets(Duration toClassify, Duration toNotify, Duration toAcknowledge, Duration toResolve,
                          Duration toAnswer, Duration toDetect) {

        static Targets orDefaults(Targets set, Targets defaults) {
            if (set == null) {
                return defaults;
            }
            return new Targets(set.toClassify == null ? defaults.toClassify : set.toClassify,
                    set.toNotify == null ? defaults.toNotify : set.toNotify,
                    set.toAcknowledge == null ? defaults.toAcknowledge : set.toAcknowledge,
                    set.toResolve == null ? defaults.toResolve : set.toResolve,
                    set.toAnswer == null ? defaults.toAnswer : set.toAnswer,
                    set.toDetect == null ? defaults.toDetect : set.toDetect);
        }
    }
}
