package io.vigie.notification.ack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The signed links in notices.
 *
 * @param baseUrl  where clients reach this service's public pages
 * @param secret   HMAC key of the links (at least 32 characters); without it a random key is drawn at start, so
 *                 links die with the process: fine for local runs only
 * @param validity how long an acknowledgement link works
 */
@ConfigurationProperties("vigie.notification.links")
public record LinkProperties(@DefaultValue("http://127.0.0.1:8083") String baseUrl, String secret,
                             @DefaultValue("7d") Duration validity) {
}
