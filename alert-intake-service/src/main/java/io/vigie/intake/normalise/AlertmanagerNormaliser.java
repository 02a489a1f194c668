package io.vigie.intake.normalise;

import io.vigie.intake.alert.Alert;
import io.vigie.intake.source.IntakeProperties;
import io.vigie.intake.source.Source;
import io.vigie.intake.source.SourceType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static io.vigie.intake.normalise.PayloadReader.MAX_LONG_TEXT;
import static io.vigie.intake.normalise.PayloadReader.MAX_TEXT;

/**
 * Prometheus Alertmanager's webhook, version 4: one notification for a group carries many alerts, each becoming one
 * alert here. Alertmanager re-sends the whole group on every {@code repeat_interval} and when any alert of it changes,
 * so an alert's occurrence is its group key and fingerprint plus its start and status: a repeat is a duplicate, a new
 * firing or the resolution is not. Grafana's extra fields ({@code orgId}, {@code silenceURL}, {@code dashboardURL},
 * {@code values}...) are accepted.
 */
@Component
class AlertmanagerNormaliser implements Normaliser {

    private final int maxAlerts;

    AlertmanagerNormaliser(IntakeProperties properties) {
        this.maxAlerts = properties.maxBatchSize();
    }

    @Override
    public SourceType type() {
        return SourceType.ALERTMANAGER;
    }

    @Override
    public List<Alert> normalise(Source source, JsonNode payload, PayloadReader reader) {
        String version = reader.requiredText(payload.get("version"), "/version", 10);
        // "4" is Alertmanager's webhook version; Grafana's Alertmanager-compatible contact point says "1".
        if (version != null && !"4".equals(version) && !"1".equals(version)) {
            reader.error("/version", "must be \"4\" (Alertmanager) or \"1\" (Grafana)");
        }
        String groupKey = reader.requiredText(payload.get("groupKey"), "/groupKey", MAX_LONG_TEXT);
        JsonNode alerts = payload.get("alerts");
        if (PayloadReader.absent(alerts) || !alerts.isArray() || alerts.isEmpty()) {
            reader.error("/alerts", "must be a non-empty array");
            return List.of();
        }
        if (alerts.size() > maxAlerts) {
            reader.error("/alerts", "must have at most " + maxAlerts + " alerts");
            return List.of();
        }
        JsonNode commonLabels = payload.path("commonLabels");
        String externalUrl = PayloadReader.clipped(payload.get("externalURL"), MAX_LONG_TEXT);
        List<Alert> result = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            String at = "/alerts/" + i;
            JsonNode alert = alerts.get(i);
            if (!alert.isObject()) {
                reader.error(at, "must be an object");
                continue;
            }
            AlertDraft draft = read(alert, at, groupKey, commonLabels, reader);
            if (draft == null || reader.hasErrors()) {
                continue;
            }
            draft.link("Alertmanager", externalUrl);
            putIfPresent(draft, "alertmanager.receiver", payload.get("receiver"));
            putIfPresent(draft, "alertmanager.groupKey", payload.get("groupKey"));
            putIfPresent(draft, "alertmanager.truncatedAlerts", payload.get("truncatedAlerts"));
            putIfPresent(draft, "alertmanager.orgId", payload.get("orgId"));
            result.add(draft.build(source, reader.receivedAt()));
        }
        return result;
    }

    private static AlertDraft read(JsonNode alert, String at, String groupKey, JsonNode commonLabels,
                                   PayloadReader reader) {
        String status = reader.requiredText(alert.get("status"), at + "/status", 20);
        if (status != null && !status.equals("firing") && !status.equals("resolved")) {
            reader.error(at + "/status", "must be \"firing\" or \"resolved\"");
        }
        JsonNode labels = reader.requiredObject(alert.get("labels"), at + "/labels");
        JsonNode annotations = alert.path("annotations");
        Instant startsAt = reader.instant(alert.get("startsAt"), at + "/startsAt");
        if (startsAt == null && PayloadReader.absent(alert.get("startsAt"))) {
            reader.error(at + "/startsAt", "is required");
        }
        String fingerprint = reader.text(alert.get("fingerprint"), at + "/fingerprint", MAX_TEXT);
        if (labels == null || startsAt == null || status == null || groupKey == null) {
            return null;
        }
        if (fingerprint == null) {
            // Alertmanager always sends it; a tool imitating it may not. The sorted label set is what it hashes.
            fingerprint = new TreeMap<>(PayloadReader.flattened("", labels)).toString();
        }
        AlertDraft draft = new AlertDraft();
        draft.sourceReference = groupKey + "/" + fingerprint;
        draft.resolved = status.equals("resolved");
        draft.occurrence = draft.sourceReference + "@" + startsAt + (draft.resolved ? "/resolved" : "");
        draft.fingerprintBasis = fingerprint + (draft.resolved ? "\nresolved" : "");
        draft.detectedAt = startsAt;
        String alertName = label(labels, "alertname");
        draft.title = firstNonNull(PayloadReader.clipped(annotations.get("summary"), MAX_TEXT),
                PayloadReader.clipped(annotations.get("title"), MAX_TEXT), alertName, "Alertmanager alert");
        draft.description = firstNonNull(PayloadReader.clipped(annotations.get("description"), MAX_LONG_TEXT),
                PayloadReader.clipped(annotations.get("message"), MAX_LONG_TEXT));
        String severity = firstNonNull(label(labels, "severity"), label(commonLabels, "severity"));
        if (severity != null) {
            draft.severity(severity);
        }
        String instanceHost = InstanceHost.of(label(labels, "instance"));
        draft.asset = firstNonNull(instanceHost, label(labels, "host"), label(labels, "hostname"),
                label(labels, "nodename"), label(labels, "node"), label(labels, "pod"));
        draft.service = firstNonNull(label(labels, "service"), label(labels, "job"));
        draft.clientHint = firstNonNull(label(labels, "client"), label(labels, "tenant"),
                label(commonLabels, "client"));
        draft.account(label(labels, "user"));
        draft.ip(label(labels, "ip"));
        draft.ip(instanceHost);
        draft.tag(alertName);
        draft.link("Source", PayloadReader.clipped(alert.get("generatorURL"), MAX_LONG_TEXT));
        draft.link("Silence", PayloadReader.clipped(alert.get("silenceURL"), MAX_LONG_TEXT));
        draft.link("Dashboard", PayloadReader.clipped(alert.get("dashboardURL"), MAX_LONG_TEXT));
        draft.link("Panel", PayloadReader.clipped(alert.get("panelURL"), MAX_LONG_TEXT));
        draft.link("Runbook", PayloadReader.clipped(annotations.get("runbook_url"), MAX_LONG_TEXT));
        PayloadReader.flatten("label", labels, draft.attributes);
        PayloadReader.flatten("annotation", annotations, draft.attributes);
        PayloadReader.flatten("value", alert.get("values"), draft.attributes);
        draft.attributes.put("alertmanager.status", status);
        putIfPresent(draft, "alertmanager.endsAt", alert.get("endsAt"));
        return draft;
    }

    private static String label(JsonNode labels, String name) {
        return labels == null ? null : PayloadReader.clipped(labels.get(name), MAX_TEXT);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static void putIfPresent(AlertDraft alert, String name, JsonNode value) {
        String text = PayloadReader.clipped(value, PayloadReader.MAX_ATTRIBUTE_VALUE);
        if (text != null) {
            alert.attributes.put(name, text);
        }
    }
}
