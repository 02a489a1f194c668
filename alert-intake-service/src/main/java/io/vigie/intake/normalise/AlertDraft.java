package io.vigie.intake.normalise;

import io.vigie.intake.alert.AffectedAssets;
import io.vigie.intake.alert.Alert;
import io.vigie.intake.alert.AlertContent;
import io.vigie.intake.alert.AlertOrigin;
import io.vigie.intake.alert.Indicator;
import io.vigie.intake.alert.Link;
import io.vigie.intake.alert.SeverityHint;
import io.vigie.intake.source.Source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An alert being read out of a payload; a normaliser fills it in, {@link #build} makes the immutable alert. */
final class AlertDraft {

    String sourceReference;
    String occurrence;
    String fingerprintBasis;
    boolean resolved;
    String title;
    String description;
    String sourceSeverity;
    SeverityHint severityHint;
    Instant detectedAt;
    String asset;
    String service;
    String clientHint;
    final Set<String> accounts = new LinkedHashSet<>();
    final Set<String> ipAddresses = new LinkedHashSet<>();
    final Set<Indicator> indicators = new LinkedHashSet<>();
    final Set<String> tags = new LinkedHashSet<>();
    final List<Link> links = new ArrayList<>();
    final Map<String, String> attributes = new LinkedHashMap<>();

    /** Adds the address if it is one; tool fields often hold "-" or a host name where an address is expected. */
    void ip(String value) {
        if (PayloadReader.isIpAddress(value) && ipAddresses.size() < PayloadReader.MAX_ITEMS) {
            ipAddresses.add(value);
        }
    }

    void indicator(Indicator.Type type, String value) {
        if (value != null && indicators.size() < PayloadReader.MAX_ITEMS) {
            indicators.add(new Indicator(type, value));
        }
    }

    void link(String label, String url) {
        if (PayloadReader.isWebUrl(url) && links.size() < PayloadReader.MAX_ITEMS) {
            links.add(new Link(label, url));
        }
    }

    void account(String value) {
        if (value != null && !value.isBlank() && !"-".equals(value) && accounts.size() < PayloadReader.MAX_ITEMS) {
            accounts.add(value);
        }
    }

    void tag(String value) {
        if (value != null && !value.isBlank() && tags.size() < PayloadReader.MAX_ITEMS) {
            tags.add(value);
        }
    }

    void severity(String word) {
        sourceSeverity = word;
        severityHint = SeverityHint.fromWord(word).orElse(null);
    }

    Alert build(Source source, Instant receivedAt) {
        String basis = fingerprintBasis != null ? fingerprintBasis : title + '\n' + (asset == null ? "" : asset);
        AlertOrigin origin = new AlertOrigin(source.type(), source.name(), sourceReference,
                occurrence != null ? occurrence : sourceReference, sha256(source.name() + '\n' + basis), resolved,
                clientHint != null ? clientHint : source.clientHint(), source.boundClients());
        AlertContent content = new AlertContent(title, description, sourceSeverity, severityHint, List.copyOf(tags),
                links, attributes);
        AffectedAssets affected = new AffectedAssets(asset, service, List.copyOf(accounts), List.copyOf(ipAddresses),
                List.copyOf(indicators));
        return new Alert(origin, content, affected, detectedAt != null ? detectedAt : receivedAt);
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
