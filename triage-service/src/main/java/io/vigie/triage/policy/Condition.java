package io.vigie.triage.policy;

import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Indicator;
import io.vigie.triage.alert.IndicatorType;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.alert.SourceKind;
import io.vigie.triage.inventory.Criticality;
import io.vigie.triage.inventory.InventoryMatch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The conditions of a rule; absent ones ({@code null} or empty) hold. All present conditions must hold; a list
 * inside one condition is "any of"; {@code anyOf} holds when at least one of its nested conditions does.
 * <p>
 * Grouped by what they look at: the alert itself, the inventory's assets, the known threats, and what the rules
 * before decided. A new condition goes in the group it reads, with its test beside the others there.
 */
public record Condition(OnAlert alert, OnAssets assets, OnThreats threats, OnDecision decision, List<Condition> anyOf) {

    /** What the alert says: its source, severity hint, text, tags, fields, and how much it names. */
    public record OnAlert(
            Set<SourceKind> sources,
            Set<Severity> severityHints,
            Severity severityHintAtLeast,
            Pattern text,
            Set<String> tags,
            Map<String, Pattern> fields,
            Boolean resolvedBySource,
            Integer minAccounts,
            Integer minIpAddresses) {

        boolean matches(Alert alert) {
            Severity hint = alert.content().severityHint();
            if (!sources.isEmpty() && !sources.contains(alert.origin().source())) {
                return false;
            }
            if (!severityHints.isEmpty() && (hint == null || !severityHints.contains(hint))) {
                return false;
            }
            if (severityHintAtLeast != null && (hint == null || !hint.isAtLeast(severityHintAtLeast))) {
                return false;
            }
            if (text != null && !find(text, alert.content().title()) && !find(text, alert.content().description())) {
                return false;
            }
            if (!tags.isEmpty() && alert.content().tags().stream().map(tag -> tag.toLowerCase(Locale.ROOT))
                    .noneMatch(tags::contains)) {
                return false;
            }
            for (Map.Entry<String, Pattern> field : fields.entrySet()) {
                String value = alert.field(field.getKey());
                if (value == null || !field.getValue().matcher(value).matches()) {
                    return false;
                }
            }
            if (resolvedBySource != null && resolvedBySource != alert.origin().resolvedBySource()) {
                return false;
            }
            if (minAccounts != null && alert.affected().accounts().size() < minAccounts) {
                return false;
            }
            return minIpAddresses == null || alert.affected().ipAddresses().size() >= minIpAddresses;
        }

        private static boolean find(Pattern pattern, String text) {
            return text != null && pattern.matcher(text).find();
        }
    }

    /** What the inventory knows of the assets the alert names, and the data they hold. */
    public record OnAssets(
            Set<Criticality> assetCriticality,
            Criticality assetCriticalityAtLeast,
            Set<DataCategory> dataCategories,
            Boolean unknownAsset) {

        /** {@code decidedData}: the data categories the rules before added. */
        boolean matches(InventoryMatch inventory, Set<DataCategory> assetData, Set<DataCategory> decidedData) {
            if (!assetCriticality.isEmpty()
                    && inventory.items().stream().noneMatch(item -> assetCriticality.contains(item.criticality()))) {
                return false;
            }
            if (assetCriticalityAtLeast != null && inventory.items().stream()
                    .noneMatch(item -> item.criticality().isAtLeast(assetCriticalityAtLeast))) {
                return false;
            }
            if (!dataCategories.isEmpty() && dataCategories.stream()
                    .noneMatch(category -> assetData.contains(category) || decidedData.contains(category))) {
                return false;
            }
            return unknownAsset == null || unknownAsset == inventory.unknownAsset();
        }
    }

    /** Whether the alert's observables are known threats, and of which types. */
    public record OnThreats(Boolean indicatorMatch, Set<IndicatorType> indicatorTypes) {

        boolean matches(List<Indicator> knownThreats) {
            if (indicatorMatch != null && indicatorMatch == knownThreats.isEmpty()) {
                return false;
            }
            return indicatorTypes.isEmpty()
                    || knownThreats.stream().anyMatch(indicator -> indicatorTypes.contains(indicator.type()));
        }
    }

    /** What the rules before this one decided: the category, and the severity so far. */
    public record OnDecision(Set<IncidentCategory> categories, Severity severityAtLeast) {

        boolean matches(Severity severity, IncidentCategory category) {
            if (!categories.isEmpty() && !categories.contains(category)) {
                return false;
            }
            return severityAtLeast == null || severity.isAtLeast(severityAtLeast);
        }
    }
}
