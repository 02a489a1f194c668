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
 */
@ConfigurationProperties("vigie.notification.webhook")
public record WebhookProperties(@DefaultValue List<String> allowedHosts, @DefaultValue("10s") Duration timeout) {
}
