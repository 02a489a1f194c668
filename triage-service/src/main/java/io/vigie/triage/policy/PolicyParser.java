package io.vigie.triage.policy;

import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.IndicatorType;
import io.vigie.triage.alert.Measure;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.alert.SourceKind;
import io.vigie.triage.document.DocumentValues;
import io.vigie.triage.document.YamlNode;
import io.vigie.triage.inventory.Criticality;
import io.vigie.triage.web.InputError;
import io.vigie.triage.web.InvalidInputException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a triage policy from YAML and validates all of it before anything uses it: unknown keys, keys the language
 * no longer has (client wording), unknown enum values and measure codes, bad regular expressions, bad durations,
 * duplicate rule ids. Every mistake is reported with its line.
 */
public final class PolicyParser {

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([mhd])");
    private static final List<String> MEASURES = DocumentValues.names(Measure.class);

    /**
     * Actions the policy had until issue #17 moved every word a client reads to notification-service: sentences in
     * English, which an event must not carry. Named in the refusal rather than called unknown.
     */
    private static final Set<String> RETIRED_ACTION_KEYS = Set.of("impact", "measuresTaken", "resolutionPlan",
            "recommendedActions");

    /** A policy read from a document that an earlier version of triage activated, and what of it was left out. */
    record Stored(Policy policy, List<InputError> ignored) {
    }

    private PolicyParser() {
    }

    /**
     * A document to activate (through the API, or the shipped default at start): every mistake refuses it, retired
     * keys included.
     *
     * @throws InvalidInputException naming every mistake with its line
     */
    public static Policy parse(String text) {
        return read(text, new Reading(false)).policy();
    }

    /**
     * A document activated before, by this or an earlier version of triage (the active one at start, or one another
     * instance activated). Its retired keys are left out and listed, not refused: they only held client wording,
     * which triage no longer publishes, and refusing them would stop the service until a manager could reach an API
     * that is not up. Any other mistake still refuses it.
     */
    static Stored parseStored(String text) {
        return read(text, new Reading(true));
    }

    /**
     * The same document under another version: its {@code version} line rewritten, every other line (comments
     * included) kept, so that a restored policy reads as the one it came from and its mistakes keep their lines.
     *
     * @throws InvalidInputException when the version is not on a line of its own (a flow-style document)
     */
    static String withVersion(String text, String version) {
        YamlNode node = YamlNode.parse(text, "policy", new ArrayList<>()).entries().get("version");
        String[] lines = text.split("\n", -1);
        int index = node == null ? -1 : node.line() - 1;
        if (index < 0 || index >= lines.length || !lines[index].matches("version\\s*:[^\\r]*\\r?")) {
            throw new InvalidInputException("The policy cannot be given a new version",
                    new InputError(node == null ? 0 : node.line(), "version", "the version is not on a line of its own"));
        }
        lines[index] = lines[index].replaceFirst("^version\\s*:[^\\r]*", "version: \"" + version + "\"");
        return String.join("\n", lines);
    }

    /** How retired keys are treated while reading one document, and those met. */
    private static final class Reading {
        private final boolean tolerateRetired;
        private final List<InputError> retired = new ArrayList<>();

        Reading(boolean tolerateRetired) {
            this.tolerateRetired = tolerateRetired;
        }

        void retired(YamlNode key, String reason, List<String> allowed) {
            if (tolerateRetired) {
                retired.add(new InputError(key.line(), key.path(), reason, allowed));
            } else {
                key.error(reason, allowed);
            }
        }
    }

    private static Stored read(String text, Reading reading) {
        List<InputError> errors = new ArrayList<>();
        YamlNode root = YamlNode.parse(text, "policy", errors);
        Map<String, YamlNode> top = root.entries("version", "description", "defaults", "rules");
        String version = required(root, top, "version", errors);
        if (version != null && !version.matches("[A-Za-z0-9][A-Za-z0-9._:+-]{0,99}")) {
            top.get("version").error("version must be 1 to 100 letters, digits or . _ : + -");
        }
        String description = top.containsKey("description") ? top.get("description").text() : "";
        Policy.Defaults defaults = defaults(top.get("defaults"));
        List<Rule> rules = new ArrayList<>();
        if (!top.containsKey("rules")) {
            root.error("rules is required: a list of rules");
        } else {
            Set<String> ids = new HashSet<>();
            for (YamlNode node : top.get("rules").items()) {
                Rule rule = rule(node, reading);
                if (rule != null && !ids.add(rule.id())) {
                    node.error("rule id '" + rule.id() + "' is used twice");
                }
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The policy was refused; the active policy is unchanged", errors);
        }
        return new Stored(new Policy(version, description, defaults, rules, text), List.copyOf(reading.retired));
    }

    private static Policy.Defaults defaults(YamlNode node) {
        Policy.Defaults defaults = new Policy.Defaults(Severity.MEDIUM, IncidentCategory.OTHER, false, Severity.HIGH);
        if (node == null) {
            return defaults;
        }
        Map<String, YamlNode> entries = node.entries("severity", "category", "notify", "unknownAssetSeverity");
        return new Policy.Defaults(
                entries.containsKey("severity") ? entries.get("severity").enumValue(Severity.class).orElse(null) : defaults.severity(),
                entries.containsKey("category") ? entries.get("category").enumValue(IncidentCategory.class).orElse(null) : defaults.category(),
                entries.containsKey("notify") ? entries.get("notify").bool() : defaults.notifyClients(),
                entries.containsKey("unknownAssetSeverity")
                        ? entries.get("unknownAssetSeverity").enumValue(Severity.class).orElse(null) : defaults.unknownAssetSeverity());
    }

    private static Rule rule(YamlNode node, Reading reading) {
        Map<String, YamlNode> entries = node.entries("id", "description", "when", "then");
        if (!node.isMap()) {
            return null;
        }
        String id = entries.containsKey("id") ? entries.get("id").text() : null;
        if (id == null) {
            node.error("a rule needs an id");
        } else if (!RULE_ID.matcher(id).matches()) {
            entries.get("id").error("rule id '" + id + "' must be lower-case letters, digits, . _ -");
        }
        if (!entries.containsKey("when")) {
            node.error("rule " + id + " needs 'when' (its conditions)");
        }
        if (!entries.containsKey("then")) {
            node.error("rule " + id + " needs 'then' (its actions)");
        }
        Condition when = entries.containsKey("when") ? condition(entries.get("when")) : null;
        Action then = entries.containsKey("then") ? action(entries.get("then"), id, reading) : null;
        String description = entries.containsKey("description") ? entries.get("description").text() : id;
        return id == null ? null : new Rule(id, description, when, then);
    }

    private static Condition condition(YamlNode node) {
        Map<String, YamlNode> e = node.entries("source", "severityHint", "severityHintAtLeast", "text", "tags",
                "fields", "assetCriticality", "assetCriticalityAtLeast", "dataCategories", "indicatorMatch",
                "indicatorTypes", "unknownAsset", "resolvedBySource", "category", "severityAtLeast", "minAccounts",
                "minIpAddresses", "anyOf");
        if (node.isMap() && e.isEmpty()) {
            node.error("'when' needs at least one condition");
        }
        Map<String, Pattern> fields = new LinkedHashMap<>();
        if (e.containsKey("fields")) {
            e.get("fields").entries().forEach((name, value) -> {
                Pattern pattern = regex(value);
                if (pattern != null) {
                    fields.put(name, pattern);
                }
            });
        }
        List<Condition> anyOf = new ArrayList<>();
        if (e.containsKey("anyOf")) {
            e.get("anyOf").items().forEach(item -> anyOf.add(condition(item)));
        }
        // Read in the order of the document's keys above, so its errors come in that order too.
        Set<SourceKind> sources = set(e.get("source"), SourceKind.class);
        Set<Severity> severityHints = set(e.get("severityHint"), Severity.class);
        Severity severityHintAtLeast = one(e.get("severityHintAtLeast"), Severity.class);
        Pattern text = e.containsKey("text") ? regex(e.get("text")) : null;
        Set<String> tags = e.containsKey("tags") ? lowerCase(e.get("tags").texts()) : Set.of();
        Set<Criticality> assetCriticality = set(e.get("assetCriticality"), Criticality.class);
        Criticality assetCriticalityAtLeast = one(e.get("assetCriticalityAtLeast"), Criticality.class);
        Set<DataCategory> dataCategories = set(e.get("dataCategories"), DataCategory.class);
        Boolean indicatorMatch = e.containsKey("indicatorMatch") ? e.get("indicatorMatch").bool() : null;
        Set<IndicatorType> indicatorTypes = set(e.get("indicatorTypes"), IndicatorType.class);
        Boolean unknownAsset = e.containsKey("unknownAsset") ? e.get("unknownAsset").bool() : null;
        Boolean resolvedBySource = e.containsKey("resolvedBySource") ? e.get("resolvedBySource").bool() : null;
        Set<IncidentCategory> categories = set(e.get("category"), IncidentCategory.class);
        Severity severityAtLeast = one(e.get("severityAtLeast"), Severity.class);
        Integer minAccounts = e.containsKey("minAccounts") ? positive(e.get("minAccounts")) : null;
        Integer minIpAddresses = e.containsKey("minIpAddresses") ? positive(e.get("minIpAddresses")) : null;
        return new Condition(
                new Condition.OnAlert(sources, severityHints, severityHintAtLeast, text, tags, fields, resolvedBySource,
                        minAccounts, minIpAddresses),
                new Condition.OnAssets(assetCriticality, assetCriticalityAtLeast, dataCategories, unknownAsset),
                new Condition.OnThreats(indicatorMatch, indicatorTypes),
                new Condition.OnDecision(categories, severityAtLeast),
                anyOf);
    }

    private static Action action(YamlNode node, String ruleId, Reading reading) {
        List<String> retired = new ArrayList<>();
        Map<String, YamlNode> e = node.entries(RETIRED_ACTION_KEYS, (key, at) -> {
                    retired.add(key);
                    boolean measures = key.equals("measuresTaken");
                    reading.retired(at, "rule " + ruleId + ": '" + key + "' is no longer part of the policy: client "
                            + "wording now belongs to notification-service's phrase catalogue"
                            + (measures ? "; list what was done as codes under 'measures'" : "; remove it"),
                            measures ? MEASURES : List.of());
                },
                "severity", "raiseTo", "raiseBy", "category", "notify", "dataCategories", "includeAssetData",
                "emailMayBeCompromised", "measures", "resolutionEta");
        if (node.isMap() && e.isEmpty() && retired.isEmpty()) {
            node.error("'then' needs at least one action");
        }
        if (e.containsKey("severity") && (e.containsKey("raiseTo") || e.containsKey("raiseBy"))) {
            e.get("severity").error("use either severity (set) or raiseTo/raiseBy (raise), not both");
        }
        return new Action(
                one(e.get("severity"), Severity.class),
                one(e.get("raiseTo"), Severity.class),
                e.containsKey("raiseBy") ? positive(e.get("raiseBy")) : null,
                one(e.get("category"), IncidentCategory.class),
                e.containsKey("notify") ? e.get("notify").bool() : null,
                e.containsKey("dataCategories") ? e.get("dataCategories").enumValues(DataCategory.class) : List.of(),
                e.containsKey("includeAssetData") ? e.get("includeAssetData").bool() : null,
                e.containsKey("emailMayBeCompromised") ? e.get("emailMayBeCompromised").bool() : null,
                e.containsKey("measures") ? measures(e.get("measures"), ruleId) : List.of(),
                e.containsKey("resolutionEta") ? duration(e.get("resolutionEta")) : null);
    }

    /** Measure codes; an unknown one is refused naming the rule and every code there is. */
    private static List<Measure> measures(YamlNode node, String ruleId) {
        List<Measure> measures = new ArrayList<>();
        for (YamlNode item : node.items()) {
            String code = item.text();
            if (code != null) {
                DocumentValues.enumValue(Measure.class, code).ifPresentOrElse(measures::add,
                        () -> item.error("rule " + ruleId + ": unknown measure '" + code + "' under measures; "
                                + "allowed: " + String.join(", ", MEASURES), MEASURES));
            }
        }
        return measures;
    }

    private static String required(YamlNode parent, Map<String, YamlNode> entries, String key, List<InputError> errors) {
        if (!entries.containsKey(key)) {
            parent.error(key + " is required");
            return null;
        }
        return entries.get(key).text();
    }

    private static <E extends Enum<E>> Set<E> set(YamlNode node, Class<E> type) {
        return node == null ? Set.of() : Set.copyOf(node.enumValues(type));
    }

    private static <E extends Enum<E>> E one(YamlNode node, Class<E> type) {
        return node == null ? null : node.enumValue(type).orElse(null);
    }

    private static Set<String> lowerCase(List<String> values) {
        Set<String> set = new LinkedHashSet<>();
        values.forEach(value -> set.add(value.toLowerCase(Locale.ROOT)));
        return set;
    }

    private static Integer positive(YamlNode node) {
        int value = node.integer();
        if (value < 1) {
            node.error("expected a whole number of at least 1");
        }
        return value;
    }

    private static Pattern regex(YamlNode node) {
        String text = node.text();
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            node.error("invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
            return null;
        }
    }

    /** {@code 4h}, {@code 30m}, {@code 2d} or ISO-8601 ({@code PT4H}). */
    private static Duration duration(YamlNode node) {
        String text = node.text();
        if (text == null) {
            return null;
        }
        var matcher = SHORT_DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            node.error("'" + text + "' is not a duration; write 30m, 4h, 2d or PT4H");
            return null;
        }
    }
}
