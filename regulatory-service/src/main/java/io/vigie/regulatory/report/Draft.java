package io.vigie.regulatory.report;

import io.vigie.regulatory.obligation.ReportKind;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A report's draft in its filing language: version 0 is the pre-filled one, never saved; each save is a new version.
 *
 * @param missing the mandatory elements still empty, "element: reason"
 */
public record Draft(UUID incidentId, String clientId, ReportKind report, String language, String title, int version,
             Instant savedAt, String savedBy, List<Element> elements, List<String> missing) {

    /** One named element, with its heading in the filing language. */
    public record Element(String key, String heading, String value, boolean mandatory) {
    }

    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        elements.forEach(e -> values.put(e.key(), e.value()));
        return values;
    }

    /** The mandatory elements with no value. */
    public List<String> missingKeys() {
        return elements.stream().filter(e -> e.mandatory() && (e.value() == null || e.value().isBlank()))
                .map(Element::key).toList();
    }
}
