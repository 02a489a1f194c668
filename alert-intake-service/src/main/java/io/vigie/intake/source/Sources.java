package io.vigie.intake.source;

import io.vigie.intake.IntakeRejection;
import io.vigie.intake.IntakeRejection.Reason;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
                    source.clientHint(), boundClients(name, source), maxBodySize,
                    new RateLimiter(source.rate().perSecond(), source.rate().burst(), now)));
        });
    }

    /**
     * The clients a source may speak for, checked at start: a blank id would bind the source to nobody in particular,
     * and a default client ({@code client-hint}) outside the bindings would turn every alert the payload does not
     * attribute into a suggestion for an analyst, which is a mistake in the configuration rather than an intent.
     * Without bindings the hint binds nothing: the source is SOC-wide and triage lets the inventory decide.
     */
    private static List<String> boundClients(String name, IntakeProperties.SourceProperties source) {
        Set<String> bound = new LinkedHashSet<>();
        for (int i = 0; i < source.clients().size(); i++) {
            String client = source.clients().get(i);
            if (client == null || client.isBlank()) {
                throw new IllegalStateException("vigie.intake.sources." + name + ".clients[" + i + "] is blank: list "
                        + "the ids of the clients this source may speak for, or leave clients out for a SOC-wide source");
            }
            bound.add(client.strip());
        }
        String hint = source.clientHint() == null ? "" : source.clientHint().strip();
        if (!hint.isEmpty() && !bound.isEmpty() && !bound.contains(hint)) {
            throw new IllegalStateException("vigie.intake.sources." + name + ".client-hint '" + hint
                    + "' is not among its clients " + bound + ": add it to clients, or remove the hint");
        }
        return List.copyOf(bound);
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
