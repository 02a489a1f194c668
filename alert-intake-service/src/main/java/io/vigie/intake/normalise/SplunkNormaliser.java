package io.vigie.intake.normalise;

import io.vigie.intake.alert.Alert;
import io.vigie.intake.alert.Indicator;
import io.vigie.intake.source.Source;
import io.vigie.intake.source.SourceType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static io.vigie.intake.normalise.PayloadReader.MAX_LONG_TEXT;
import static io.vigie.intake.normalise.PayloadReader.MAX_TEXT;

/**
 * Splunk's webhook alert action: {@code result} (the first result row, any fields), {@code sid}, {@code results_link},
 * {@code search_name} (null for ad-hoc searches), {@code owner}, {@code app}. Field names in the row follow Splunk's
 * Common Information Model (host/dest, user, src/src_ip, urgency...), which is what correlation searches produce.
 */
@Component
class SplunkNormaliser implements Normaliser {

    @Override
    public SourceType type() {
        return SourceType.SPLUNK;
    }

    @Override
    public List<Alert> normalise(Source source, JsonNode payload, PayloadReader reader) {
        AlertDraft alert = new AlertDraft();
        alert.sourceReference = reader.requiredText(payload.get("sid"), "/sid", MAX_TEXT);
        JsonNode result = reader.requiredObject(payload.get("result"), "/result");
        String searchName = reader.text(payload.get("search_name"), "/search_name", MAX_TEXT);
        String resultsLink = reader.text(payload.get("results_link"), "/results_link", MAX_LONG_TEXT);
        if (resultsLink != null && !PayloadReader.isWebUrl(resultsLink)) {
            reader.error("/results_link", "must be an http(s) URL");
        }
        if (reader.hasErrors()) {
            return List.of();
        }
        alert.title = searchName != null ? searchName : "Splunk alert " + alert.sourceReference;
        alert.description = first(result, MAX_LONG_TEXT, "description", "signature", "_raw");
        alert.asset = first(result, MAX_TEXT, "host", "dest", "dest_host", "dvc", "src_host");
        alert.service = first(result, MAX_TEXT, "service", "app");
        alert.severity(first(result, MAX_TEXT, "urgency", "severity", "priority"));
        alert.clientHint = first(result, MAX_TEXT, "client", "tenant", "customer");
        alert.detectedAt = reader.instant(result.get("_time"), "/result/_time");
        alert.fingerprintBasis = (searchName == null ? "" : searchName) + '\n' + (alert.asset == null ? "" : alert.asset)
                + '\n' + (first(result, MAX_TEXT, "user", "src", "src_ip") == null ? ""
                : first(result, MAX_TEXT, "user", "src", "src_ip"));
        for (String field : List.of("user", "src_user", "dest_user", "user_name")) {
            values(result.get(field)).forEach(alert::account);
        }
        for (String field : List.of("src_ip", "src", "dest_ip", "dest", "ip")) {
            values(result.get(field)).forEach(alert::ip);
        }
        for (String field : List.of("src_ip", "src")) {
            values(result.get(field)).stream().filter(PayloadReader::isIpAddress)
                    .forEach(ip -> alert.indicator(Indicator.Type.IP, ip));
        }
        values(result.get("file_hash")).forEach(hash -> alert.indicator(Indicator.Type.FILE_HASH, hash));
        values(result.get("url")).forEach(url -> alert.indicator(Indicator.Type.URL, url));
        values(result.get("domain")).forEach(domain -> alert.indicator(Indicator.Type.DOMAIN, domain));
        values(result.get("tag")).forEach(alert::tag);
        alert.link("Splunk search results", resultsLink);
        PayloadReader.flatten("result", result, alert.attributes);
        putIfPresent(alert, "splunk.owner", payload.get("owner"));
        putIfPresent(alert, "splunk.app", payload.get("app"));
        putIfPresent(alert, "splunk.search_name", payload.get("search_name"));
        return List.of(alert.build(source, reader.receivedAt()));
    }

    private static String first(JsonNode result, int maxLength, String... fields) {
        for (String field : fields) {
            List<String> values = values(result.get(field));
            if (!values.isEmpty()) {
                String value = values.get(0);
                return value.length() > maxLength ? value.substring(0, maxLength) + "…" : value;
            }
        }
        return null;
    }

    /** A Splunk field is a string, or an array for a multivalue field. */
    private static List<String> values(JsonNode node) {
        if (PayloadReader.absent(node)) {
            return List.of();
        }
        if (node.isArray()) {
            return node.values().stream().map(value -> PayloadReader.clipped(value, MAX_TEXT))
                    .filter(java.util.Objects::nonNull).limit(PayloadReader.MAX_ITEMS).toList();
        }
        String value = PayloadReader.clipped(node, MAX_LONG_TEXT);
        return value == null ? List.of() : List.of(value);
    }

    private static void putIfPresent(AlertDraft alert, String name, JsonNode value) {
        String text = PayloadReader.clipped(value, PayloadReader.MAX_ATTRIBUTE_VALUE);
        if (text != null) {
            alert.attributes.put(name, text);
        }
    }
}
