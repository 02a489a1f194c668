package io.vigie.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The SMS provider.
 *
 * @param provider {@code local} (messages kept in memory and logged, for local runs) or {@code http}
 * @param url      the HTTP provider's send endpoint
 * @param token    its bearer token
 * @param timeout  HTTP connect and response timeout
 */
@ConfigurationProperties("vigie.notification.sms")
public record SmsProperties(@DefaultValue("local") String provider, String url, String token,
                            @DefaultValue("10s") Duration timeout) {
}
