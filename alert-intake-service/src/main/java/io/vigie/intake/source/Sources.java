package io.vigie.intake.source;

import io.vigie.intake.IntakeRejection;
import io.vigie.intake.IntakeRejection.Reason;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured sources, looked up by the name in the request's path and the endpoint it came to. */
@Component
public class Sources {

    private final Map<String, Source> byName = new LinkedHashMap<>();

    public Sources(IntakeProperties properties) {
        long now = System.nanoTime();
        properties.sources().forEach((name, source) -> {
            if (source.type() == null) {
                throw new IllegalStateException("vigie.intake.sources." + name + ".type is missing: one of "
                        + java.util.Arrays.toString(SourceType.values()));
            }
            if (source.tokens().isEmpty() && source.hmacSecrets().isEmpty()) {
                throw new IllegalStateException("vigie.intake.sources." + name
                        + " has neither tokens nor hmac-secrets: nobody could post to it");
            }
            long maxBodySize = (source.maxBodySize() != null ? source.maxBodySize() : properties.maxBodySize())
                    .toBytes();
            byName.put(name, new Source(name, source.type(), source.tokens(), source.hmacSecrets(),
                    source.clientHint(), maxBodySize,
                    new RateLimiter(source.rate().perSecond(), source.rate().burst(), now)));
        });
    }

    /**
     * The source of that name posting to its own tool's endpoint; a name configured for another tool is as unknown
     * as one never configured, so the endpoint does not reveal which names exist.
     */
    public Optional<Source> find(SourceType endpoint, String name) {
        return Optional.ofNullable(byName.get(name)).filter(source -> source.type() == endpoint);
    }

    public static IntakeRejection unknown(SourceType endpoint) {
        return IntakeRejection.of(Reason.UNKNOWN_SOURCE, "No " + endpoint.name().toLowerCase(java.util.Locale.ROOT)
                + " source of that name is configured.");
    }

    public boolean tryAcquire(Source source) {
        return source.rateLimiter().tryAcquire(System.nanoTime());
    }
}
