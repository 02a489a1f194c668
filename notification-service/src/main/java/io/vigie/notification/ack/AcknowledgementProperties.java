package io.vigie.notification.ack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Watching for CRITICAL notices nobody confirmed.
 *
 * @param deadline a CRITICAL notice sent this long ago without any acknowledgement is flagged
 * @param check    how often the watch runs
 */
@ConfigurationProperties("vigie.notification.acknowledgement")
public record AcknowledgementProperties(@DefaultValue("30m") Duration deadline, @DefaultValue("1m") Duration check) {
}
