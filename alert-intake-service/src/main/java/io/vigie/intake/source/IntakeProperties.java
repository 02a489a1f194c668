package io.vigie.intake.source;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything alert intake is configured with, {@code vigie.intake.*}; documented in the service README.
 *
 * @param sources            the tools allowed to post, by name (the name is part of their endpoint's path)
 * @param maxBodySize        the largest request body a source may send unless it sets its own
 * @param ackTimeout         how long a request waits for the broker's acknowledgement before it answers 503
 * @param retryAfter         what a 503 or 429 tells the sender to wait before retrying
 * @param dedupWindow        an alert with the fingerprint of one published this long ago or less is a repeat
 * @param signatureTolerance how far a signed request's timestamp may be from now (older ones are replays)
 * @param retention          how long raw payloads and alert records are kept
 * @param maxBatchSize       the most alerts one generic API request may carry
 */
@ConfigurationProperties("vigie.intake")
public record IntakeProperties(
        @DefaultValue Map<String, SourceProperties> sources,
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("5s") Duration ackTimeout,
        @DefaultValue("10s") Duration retryAfter,
        @DefaultValue("10m") Duration dedupWindow,
        @DefaultValue("5m") Duration signatureTolerance,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("500") int maxBatchSize) {

    /**
     * One configured source.
     *
     * @param type        which tool it is, so which endpoint it posts to
     * @param tokens      accepted tokens (in the URL for Splunk, else {@code Authorization: Bearer}); two during rotation
     * @param hmacSecrets accepted HMAC-SHA256 secrets for the generic API; two during rotation
     * @param clientHint  the client this source's alerts are about, when the payload does not say; a lead for triage,
     *                    not a binding: it makes a client affected only when it is also among {@code clients}
     * @param clients     the clients this source is registered to speak for (its bindings): triage treats a client
     *                    named by the source's alerts as affected only when it is one of them; empty for a SOC-wide
     *                    source, whose alerts' clients are left to the inventory
     * @param rate        the sustained rate and burst beyond which requests get 429
     * @param maxBodySize this source's body limit, overriding the global one
     */
    public record SourceProperties(
            SourceType type,
            @DefaultValue List<String> tokens,
            @DefaultValue List<String> hmacSecrets,
            String clientHint,
            @DefaultValue List<String> clients,
            @DefaultValue Rate rate,
            DataSize maxBodySize) {
    }

    /**
     * @param perSecond requests per second a source may sustain
     * @param burst     requests a source may send at once after a quiet period
     */
    public record Rate(@DefaultValue("200") double perSecond, @DefaultValue("400") int burst) {
    }
}
