package io.vigie.intake.normalise;

import io.vigie.intake.alert.Alert;
import io.vigie.intake.alert.Indicator;
import io.vigie.intake.source.IntakeProperties;
import io.vigie.intake.source.Source;
import io.vigie.intake.source.SourceType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.vigie.intake.normalise.PayloadReader.MAX_LONG_TEXT;
import static io.vigie.intake.normalise.PayloadReader.MAX_TEXT;

/**
 * Vigie's own alert format ({@code POST /api/v1/alerts}): one alert object, an array of them, or
 * {@code {"alerts": [...]}}. Being Vigie's own contract, it is strict: every unusable field is a 400 naming it.
 */
@Component
class GenericNormaliser implements Normaliser {

    private final int maxAlerts;

    GenericNormaliser(IntakeProperties properties) {
        this.maxAlerts = properties.maxBatchSize();
    }

    @Override
    public SourceType type() {
        return SourceType.GENERIC;
    }

    @Override
    public List<Alert> normalise(Source source, JsonNode payload, PayloadReader reader) {
        JsonNode items;
        String base;
        if (payload.isArray()) {
            items = payload;
            base = "";
        } else if (payload.has("alerts")) {
            items = payload.get("alerts");
            base = "/alerts";
            if (!items.isArray()) {
                reader.error(base, "must be an array");
                return List.of();
            }
        } else {
            return read(payload, "", source, reader).map(List::of).orElse(List.of());
        }
        if (items.isEmpty() || items.size() > maxAlerts) {
            reader.error(base.isEmpty() ? "/" : base, "must hold 1 to " + maxAlerts + " alerts");
            return List.of();
        }
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            read(items.get(i), base + "/" + i, source, reader).ifPresent(alerts::add);
        }
        return alerts;
    }

    private static java.util.Optional<Alert> read(JsonNode item, String at, Source source, PayloadReader reader) {
        if (!item.isObject()) {
            reader.error(at.isEmpty() ? "/" : at, "must be an alert object");
            return java.util.Optional.empty();
        }
        AlertDraft draft = new AlertDraft();
        draft.sourceReference = reader.requiredText(item.get("reference"), at + "/reference", MAX_TEXT);
        draft.title = reader.requiredText(item.get("title"), at + "/title", MAX_TEXT);
        draft.description = reader.text(item.get("description"), at + "/description", MAX_LONG_TEXT);
        String severity = reader.text(item.get("severity"), at + "/severity", 20);
        if (severity != null) {
            draft.severity(severity);
            if (draft.severityHint == null) {
                reader.error(at + "/severity", "must be one of critical, high, medium, low",
                        List.of("critical", "high", "medium", "low"));
            }
        }
        draft.detectedAt = reader.instant(item.get("detectedAt"), at + "/detectedAt");
        draft.asset = reader.text(item.get("asset"), at + "/asset", MAX_TEXT);
        draft.service = reader.text(item.get("service"), at + "/service", MAX_TEXT);
        draft.clientHint = reader.text(item.get("client"), at + "/client", MAX_TEXT);
        draft.fingerprintBasis = reader.text(item.get("fingerprint"), at + "/fingerprint", MAX_TEXT);
        Boolean resolved = reader.bool(item.get("resolved"), at + "/resolved");
        draft.resolved = Boolean.TRUE.equals(resolved);
        if (draft.resolved && draft.sourceReference != null) {
            // The resolution of an alert is news about it, not a repeat of it.
            draft.occurrence = draft.sourceReference + "/resolved";
            draft.fingerprintBasis = (draft.fingerprintBasis == null ? draft.sourceReference : draft.fingerprintBasis)
                    + "\nresolved";
        }
        reader.texts(item.get("accounts"), at + "/accounts", MAX_TEXT).forEach(draft::account);
        List<String> ips = reader.texts(item.get("ipAddresses"), at + "/ipAddresses", 45);
        for (int i = 0; i < ips.size(); i++) {
            if (!PayloadReader.isIpAddress(ips.get(i))) {
                reader.error(at + "/ipAddresses/" + i, "must be an IPv4 or IPv6 address");
            }
            draft.ip(ips.get(i));
        }
        reader.texts(item.get("tags"), at + "/tags", MAX_TEXT).forEach(draft::tag);
        readIndicators(item.get("indicators"), at + "/indicators", draft, reader);
        readLinks(item.get("links"), at + "/links", draft, reader);
        readAttributes(item.get("attributes"), at + "/attributes", draft, reader);
        if (reader.hasErrors()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(draft.build(source, reader.receivedAt()));
    }

    private static void readIndicators(JsonNode node, String at, AlertDraft draft, PayloadReader reader) {
        for (int i = 0; arrayOf(node, at, reader) && i < node.size(); i++) {
            JsonNode indicator = node.get(i);
            String type = reader.requiredText(indicator.get("type"), at + "/" + i + "/type", 20);
            String value = reader.requiredText(indicator.get("value"), at + "/" + i + "/value", MAX_LONG_TEXT);
            if (type == null || value == null) {
                continue;
            }
            try {
                draft.indicator(Indicator.Type.valueOf(type.toUpperCase(Locale.ROOT)), value);
            } catch (IllegalArgumentException e) {
                reader.error(at + "/" + i + "/type", "must be one of " + java.util.Arrays.toString(Indicator.Type.values()),
                        java.util.Arrays.stream(Indicator.Type.values()).map(Enum::name).toList());
            }
        }
    }

    private static void readLinks(JsonNode node, String at, AlertDraft draft, PayloadReader reader) {
        for (int i = 0; arrayOf(node, at, reader) && i < node.size(); i++) {
            JsonNode link = node.get(i);
            String label = reader.requiredText(link.get("label"), at + "/" + i + "/label", MAX_TEXT);
            String url = reader.requiredText(link.get("url"), at + "/" + i + "/url", MAX_LONG_TEXT);
            if (url != null && !PayloadReader.isWebUrl(url)) {
                reader.error(at + "/" + i + "/url", "must be an absolute http(s) URL");
            } else if (label != null && url != null) {
                draft.link(label, url);
            }
        }
    }

    private static void readAttributes(JsonNode node, String at, AlertDraft draft, PayloadReader reader) {
        if (PayloadReader.absent(node)) {
            return;
        }
        if (!node.isObject() || node.size() > PayloadReader.MAX_ATTRIBUTES) {
            reader.error(at, "must be an object of at most " + PayloadReader.MAX_ATTRIBUTES + " string values");
            return;
        }
        for (Map.Entry<String, JsonNode> attribute : node.properties()) {
            String value = reader.text(attribute.getValue(), at + "/" + attribute.getKey(),
                    PayloadReader.MAX_ATTRIBUTE_VALUE);
            if (value != null) {
                draft.attributes.put(PayloadReader.storable(attribute.getKey()), value);
            }
        }
    }

    private static boolean arrayOf(JsonNode node, String at, PayloadReader reader) {
        if (PayloadReader.absent(node)) {
            return false;
        }
        if (!node.isArray() || node.size() > PayloadReader.MAX_ITEMS) {
            reader.error(at, "must be an array of at most " + PayloadReader.MAX_ITEMS + " items");
            return false;
        }
        return true;
    }
}
