package io.vigie.intake.normalise;

import io.vigie.intake.alert.Alert;
import io.vigie.intake.alert.Indicator;
import io.vigie.intake.source.Source;
import io.vigie.intake.source.SourceType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Pattern;

import static io.vigie.intake.normalise.PayloadReader.MAX_LONG_TEXT;
import static io.vigie.intake.normalise.PayloadReader.MAX_TEXT;

/**
 * Splunk's webhook alert action: {@code result} (the first result row, any fields), {@code sid}, {@code results_link},
 * {@code search_name} (null for ad-hoc searches), {@code owner}, {@code app}. Field names in the row follow Splunk's
 * Common Information Model (host/dest, user, src/src_ip, urgency...), which is what correlation searches produce.
 */
@Component
class SplunkNormaliser implements Normaliser {

    /**
     * Fields a result row names its detection by, most telling first: CIM's {@code signature} (Intrusion Detection,
     * Malware, Alerts), Enterprise Security's notable event fields ({@code rule_title}, {@code rule_name},
     * {@code search_name}, {@code savedsearch_name}), then the names searches written by hand tend to use.
     */
    private static final List<String> TITLE_FIELDS = List.of("signature", "rule_title", "rule_name", "rule",
            "alert_name", "alert", "search_name", "savedsearch_name");
    /** About a line: long enough to recognise the event, short enough to read as a title. */
    static final int RAW_TITLE_LENGTH = 100;
    private static final Pattern SPACES = Pattern.compile("[\\p{Cc}\\p{Z}]+");
    private static final Pattern FORMATTING = Pattern.compile("\\p{Cf}");

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
        alert.asset = first(result, MAX_TEXT, "host", "dest", "dest_host", "dvc", "src_host");
        alert.title = searchName != null ? searchName : titleFromResult(result, alert.asset);
        alert.description = descriptionOtherThan(alert.title, result);
        alert.service = first(result, MAX_TEXT, "service", "app");
        alert.severity(first(result, MAX_TEXT, "urgency", "severity", "priority"));
        alert.clientHint = first(result, MAX_TEXT, "client", "tenant", "customer");
        alert.detectedAt = reader.instant(result.get("_time"), "/result/_time");
        // What happened, on what, by whom: the search's name, else the title the result gave (the detection's name,
        // else the start of the event), so two different detections of unnamed searches on one host are never merged.
        alert.fingerprintBasis = (searchName == null ? alert.title : searchName) + '\n'
                + (alert.asset == null ? "" : alert.asset)
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

    /**
     * A title for an alert whose search has no name (an ad-hoc or unsaved search: {@code search_name} is null), made
     * of what the result row says rather than of the sid, which only Splunk can read: the detection's name, else the
     * start of the event, else the host.
     */
    private static String titleFromResult(JsonNode result, String asset) {
        for (String field : TITLE_FIELDS) {
            String name = readable(firstText(result.get(field)), MAX_TEXT);
            if (name != null) {
                return name;
            }
        }
        String raw = readable(firstText(result.get("_raw")), RAW_TITLE_LENGTH);
        if (raw != null) {
            return raw;
        }
        return asset != null ? "Splunk alert on " + asset : "Splunk alert";
    }

    /** The row's description, else its signature, else the event itself, skipping what already is the title. */
    private static String descriptionOtherThan(String title, JsonNode result) {
        for (String field : List.of("description", "signature", "_raw")) {
            String value = first(result, MAX_LONG_TEXT, field);
            if (value != null && !title.equals(readable(value, MAX_TEXT))) {
                return value;
            }
        }
        return null;
    }

    /**
     * One line a person can read: control and formatting characters out (an event quoted from a log holds tabs, line
     * breaks, sometimes NULs or bidirectional overrides), runs of spaces made one, and cut on a word boundary with an
     * ellipsis when longer than {@code maxLength}. Null when nothing readable is left.
     */
    static String readable(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        // Only the start can be kept; cleaning a 64 KiB event to keep 100 characters of it would be wasted work.
        String start = cut(text, maxLength * 4);
        String line = SPACES.matcher(FORMATTING.matcher(start).replaceAll("")).replaceAll(" ").strip();
        if (line.isEmpty() || line.equals("-")) {
            return null;
        }
        if (line.length() <= maxLength) {
            return line;
        }
        int space = line.lastIndexOf(' ', maxLength);
        // A word boundary in the second half keeps whole words; a longer unbroken token (base64, a URL) is cut.
        String kept = space >= maxLength / 2 ? line.substring(0, space) : cut(line, maxLength);
        return kept.stripTrailing() + "…";
    }

    /** At most {@code length} characters, never half of a surrogate pair. */
    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    /** The field's text as sent (the first value of a multivalue field), or null. */
    private static String firstText(JsonNode node) {
        JsonNode value = node != null && node.isArray() ? node.get(0) : node;
        return PayloadReader.absent(value) || value.isContainer() ? null : value.asString();
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
