package io.vigie.notification.status;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The clients' status pages.
 *
 * @param linkValidity how long a status link works; a notice reuses the contact's link while it has at least half of
 *                     this left, so the link in a fresh notice never dies soon after it arrives
 * @param recent       how long a resolved or closed incident stays on the page
 * @param pollInterval how often an open page asks whether something changed
 */
@ConfigurationProperties("vigie.notification.status")
public record StatusProperties(@DefaultValue("90d") Duration linkValidity, @DefaultValue("30d") Duration recent,
                               @DefaultValue("15s") Duration pollInterval) {
}
