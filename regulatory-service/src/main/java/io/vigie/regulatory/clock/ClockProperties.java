package io.vigie.regulatory.clock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code vigie.regulatory.clock.*}.
 *
 * @param interval how often the clock looks at the deadlines (and re-evaluates the "unresolved for" criteria): a
 *                 warning or an overdue report is announced at most this late
 */
@ConfigurationProperties("vigie.regulatory.clock")
public record ClockProperties(@DefaultValue("30s") Duration interval) {
}
