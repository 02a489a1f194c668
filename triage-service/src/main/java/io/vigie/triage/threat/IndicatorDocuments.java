package io.vigie.triage.threat;

import io.vigie.triage.alert.Indicator;
import io.vigie.triage.alert.IndicatorType;
import io.vigie.triage.document.Csv;
import io.vigie.triage.document.DocumentValues;
import io.vigie.triage.document.YamlNode;
import io.vigie.triage.web.InputError;
import io.vigie.triage.web.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads known-threat imports. CSV: header {@code type,value,description}. YAML: a list of entries with those keys.
 * Refused whole, with every mistake's line; a value listed twice keeps its last description.
 */
final class IndicatorDocuments {

    private IndicatorDocuments() {
    }

    static List<KnownIndicator> fromCsv(String text) {
        List<InputError> errors = new ArrayList<>();
        Map<Indicator, KnownIndicator> indicators = new LinkedHashMap<>();
        for (Csv.Row row : Csv.parse(text, List.of("type", "value"))) {
            indicator(row.line(), row.get("type"), row.get("value"), row.get("description"), errors)
                    .ifPresent(known -> indicators.put(known.indicator(), known));
        }
        return checked(indicators, errors);
    }

    static List<KnownIndicator> fromYaml(String text) {
        List<InputError> errors = new ArrayList<>();
        YamlNode root = YamlNode.parse(text, "indicator list", errors);
        if (root.isMap()) {
            root = root.entries("indicators").getOrDefault("indicators", root);
        }
        Map<Indicator, KnownIndicator> indicators = new LinkedHashMap<>();
        for (YamlNode entry : root.items()) {
            Map<String, YamlNode> fields = entry.entries("type", "value", "description");
            indicator(entry.line(), text(fields.get("type")), text(fields.get("value")),
                    text(fields.get("description")), errors)
                    .ifPresent(known -> indicators.put(known.indicator(), known));
        }
        return checked(indicators, errors);
    }

    static Optional<KnownIndicator> indicator(int line, String type, String value, String description,
                                              List<InputError> errors) {
        Optional<IndicatorType> parsed = type == null ? Optional.empty() : DocumentValues.enumValue(IndicatorType.class, type);
        if (parsed.isEmpty()) {
            errors.add(new InputError(line, "type", "type is required: one of " + List.of(IndicatorType.values())
                    + (type == null ? "" : ", not '" + type + "'"), DocumentValues.names(IndicatorType.class)));
        }
        if (value == null || value.isBlank()) {
            errors.add(new InputError(line, "value", "value is required"));
        } else if (value.length() > 1000) {
            errors.add(new InputError(line, "value", "value is longer than 1000 characters"));
        }
        if (parsed.isEmpty() || value == null || value.isBlank() || value.length() > 1000) {
            return Optional.empty();
        }
        return Optional.of(new KnownIndicator(new Indicator(parsed.get(), value), description));
    }

    private static List<KnownIndicator> checked(Map<Indicator, KnownIndicator> indicators, List<InputError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The indicator import was refused; nothing was changed", errors);
        }
        return List.copyOf(indicators.values());
    }

    private static String text(YamlNode node) {
        return node == null ? null : node.text();
    }
}
