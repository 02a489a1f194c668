package io.vigie.triage.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An alert as triage reasons about it, free of the wire format.
 *
 * @param clientHint   the client the alert (or its source's configuration) names: only a lead, see {@code boundClients}
 * @param boundClients the clients the source is registered to speak for; empty for a SOC-wide source
 */
public record Alert(
        UUID eventId,
        UUID alertId,
        SourceKind source,
        String sourceName,
        String sourceReference,
        String fingerprint,
        boolean resolvedBySource,
        String title,
        String description,
        String sourceSeverity,
        Severity severityHint,
        Instant detectedAt,
        Instant receivedAt,
        String asset,
        String service,
        List<String> accounts,
        List<String> ipAddresses,
        List<Indicator> indicators,
        List<String> tags,
        String clientHint,
        List<String> boundClients,
        Map<String, String> attributes) {

    public Alert {
        accounts = List.copyOf(accounts);
        ipAddresses = List.copyOf(ipAddresses);
        indicators = List.copyOf(indicators);
        tags = List.copyOf(tags);
        boundClients = List.copyOf(boundClients);
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> assetName() {
        return Optional.ofNullable(asset).filter(name -> !name.isBlank());
    }

    /** The client the alert names, trimmed; empty when it names none. */
    public Optional<String> namedClient() {
        return Optional.ofNullable(clientHint).map(String::strip).filter(name -> !name.isEmpty());
    }

    public Optional<String> serviceName() {
        return Optional.ofNullable(service).filter(name -> !name.isBlank());
    }

    /** The value of a top-level field by its name, else of the attribute so named; null when neither exists. */
    public String field(String name) {
        return switch (name) {
            case "title" -> title;
            case "description" -> description;
            case "asset" -> asset;
            case "service" -> service;
            case "sourceName" -> sourceName;
            case "sourceReference" -> sourceReference;
            case "sourceSeverity" -> sourceSeverity;
            case "clientHint" -> clientHint;
            case "fingerprint" -> fingerprint;
            default -> attributes.get(name.startsWith("attributes.") ? name.substring("attributes.".length()) : name);
        };
    }

    /** Every observable of the alert, its bare IP addresses included. */
    public List<Indicator> observables() {
        return java.util.stream.Stream.concat(indicators.stream(),
                ipAddresses.stream().map(ip -> new Indicator(IndicatorType.IP, ip))).distinct().toList();
    }
}
