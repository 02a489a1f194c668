package io.vigie.intake.alert;

import java.util.Locale;
import java.util.Optional;

/** The source's severity on Vigie's scale: a hint for triage, which decides the real one. */
public enum SeverityHint {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** Reads the words tools use (Splunk urgency, Alertmanager/Elastic severity labels, syslog levels). */
    public static Optional<SeverityHint> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "crit", "fatal", "emergency", "emerg", "alert", "disaster", "p1", "sev1" ->
                    Optional.of(CRITICAL);
            case "high", "error", "err", "major", "severe", "p2", "sev2" -> Optional.of(HIGH);
            case "medium", "warning", "warn", "moderate", "average", "p3", "sev3" -> Optional.of(MEDIUM);
            case "low", "info", "informational", "information", "notice", "minor", "debug", "p4", "p5", "sev4" ->
                    Optional.of(LOW);
            default -> Optional.empty();
        };
    }

    /** Wazuh rule levels 0-16: 13 and above are critical, 10-12 high, 6-9 medium, below that low. */
    public static SeverityHint fromWazuhLevel(int level) {
        if (level >= 13) {
            return CRITICAL;
        }
        if (level >= 10) {
            return HIGH;
        }
        return level >= 6 ? MEDIUM : LOW;
    }

    /** Elastic risk scores 0-100, with the bands of Elastic's own rule severities. */
    public static SeverityHint fromRiskScore(double score) {
        if (score >= 99) {
            return CRITICAL;
        }
        if (score >= 74) {
            return HIGH;
        }
        return score >= 48 ? MEDIUM : LOW;
    }
}
