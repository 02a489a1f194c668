package io.vigie.triage.incident;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param window          an alert joins an incident whose last alert was detected at most this long before it
 * @param publishAllUpTo  every attached alert up to this count is published as ATTACHED
 * @param publishEvery    beyond it, only every n-th attached alert is, so a storm does not become a storm of
 *                        events; the count carried by each publication (relatedAlertCount) stays exact
 */
@ConfigurationProperties("vigie.triage.correlation")
public record CorrelationSettings(
        @DefaultValue("4h") Duration window,
        @DefaultValue("10") int publishAllUpTo,
        @DefaultValue("100") int publishEvery) {

    public static CorrelationSettings defaults() {
        return new CorrelationSettings(Duration.ofHours(4), 10, 100);
    }
}
