package io.vigie.intake.source;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A configured source, ready to check requests against. Its secrets never appear in {@link #toString()}. */
public final class Source {

    private final String name;
    private final SourceType type;
    private final List<byte[]> tokens;
    private final List<byte[]> hmacSecrets;
    private final String clientHint;
    private final List<String> boundClients;
    private final long maxBodySize;
    private final RateLimiter rateLimiter;

    Source(String name, SourceType type, List<String> tokens, List<String> hmacSecrets, String clientHint,
           List<String> boundClients, long maxBodySize, RateLimiter rateLimiter) {
        this.name = name;
        this.type = type;
        this.tokens = tokens.stream().map(token -> token.getBytes(StandardCharsets.UTF_8)).toList();
        this.hmacSecrets = hmacSecrets.stream().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList();
        this.clientHint = clientHint;
        this.boundClients = List.copyOf(boundClients);
        this.maxBodySize = maxBodySize;
        this.rateLimiter = rateLimiter;
    }

    public String name() {
        return name;
    }

    public SourceType type() {
        return type;
    }

    public String clientHint() {
        return clientHint;
    }

    /** The clients this source is registered to speak for; empty for a SOC-wide source. */
    public List<String> boundClients() {
        return boundClients;
    }

    public long maxBodySize() {
        return maxBodySize;
    }

    List<byte[]> tokens() {
        return tokens;
    }

    List<byte[]> hmacSecrets() {
        return hmacSecrets;
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public String toString() {
        return "Source[" + name + ", " + type + "]";
    }
}
