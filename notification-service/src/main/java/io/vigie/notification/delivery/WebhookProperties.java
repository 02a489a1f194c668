package io.vigie.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Webhooks to the clients' ticketing systems.
 *
 * @param allowedHosts host names a webhook may target ({@code tickets.client.example}, or {@code *.client.example}
 *                     for its subdomains); none by default, so no webhook leaves until an operator allows it
 * @param timeout      connect and response timeout
 * @param allowLoopback let an allow-listed host be this machine (127.0.0.1, ::1): for a local ticket sink only, as the
 *                      local stack's; never in a deployment, where loopback reaches the service's own host. Private,
 *                      link-local and the other internal addresses stay refused whatever this says
 */
@ConfigurationProperties("vigie.notification.webhook")
public record WebhookProperties(@DefaultValue List<String> allowedHosts, @DefaultValue("10s") Duration timeout,
                                @DefaultValue("false") boolean allowLoopback) {
}
