package io.vigie.triage.alert;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Domain alerts for unit tests: a plain generic alert, changed only where a test cares. */
public final class AlertBuilder {

    private SourceKind source = SourceKind.GENERIC;
    private String sourceName = "test-source";
    private String sourceReference = UUID.randomUUID().toString();
    private boolean resolved;
    private String title = "Something happened";
    private String description;
    private Severity hint;
    private Instant detectedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private String asset;
    private String service;
    private final List<String> accounts = new ArrayList<>();
    private final List<String> ips = new ArrayList<>();
    private final List<Indicator> indicators = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private String clientHint;
    private final List<String> boundClients = new ArrayList<>();
    private final Map<String, String> attributes = new HashMap<>();

    public static AlertBuilder alert() {
        return new AlertBuilder();
    }

    public AlertBuilder source(SourceKind source) { this.source = source; return this; }
    public AlertBuilder sourceName(String name) { this.sourceName = name; return this; }
    public AlertBuilder reference(String reference) { this.sourceReference = reference; return this; }
    public AlertBuilder resolved() { this.resolved = true; return this; }
    public AlertBuilder title(String title) { this.title = title; return this; }
    public AlertBuilder description(String description) { this.description = description; return this; }
    public AlertBuilder hint(Severity hint) { this.hint = hint; return this; }
    public AlertBuilder detectedAt(Instant at) { this.detectedAt = at; return this; }
    public AlertBuilder asset(String asset) { this.asset = asset; return this; }
    public AlertBuilder service(String service) { this.service = service; return this; }
    public AlertBuilder account(String account) { this.accounts.add(account); return this; }
    public AlertBuilder ip(String ip) { this.ips.add(ip); return this; }
    public AlertBuilder indicator(IndicatorType type, String value) { this.indicators.add(new Indicator(type, value)); return this; }
    public AlertBuilder tag(String tag) { this.tags.add(tag); return this; }
    public AlertBuilder clientHint(String client) { this.clientHint = client; return this; }
    public AlertBuilder boundTo(String... clients) { this.boundClients.addAll(List.of(clients)); return this; }
    public AlertBuilder attribute(String key, String value) { this.attributes.put(key, value); return this; }

    public Alert build() {
        return new Alert(UUID.randomUUID(), UUID.randomUUID(),
                new AlertOrigin(source, sourceName, sourceReference, "fp", resolved, clientHint, boundClients),
                new AlertContent(title, description, null, hint, tags, attributes),
                new AffectedAssets(asset, service, accounts, ips, indicators), detectedAt, detectedAt);
    }
}
