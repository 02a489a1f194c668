package io.vigie.triage.policy;

import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.IndicatorType;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.alert.SourceKind;
import io.vigie.triage.inventory.Criticality;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The conditions of a rule; absent ones ({@code null} or empty) hold. All present conditions must hold; a list
 * inside one condition is "any of"; {@code anyOf} holds when at least one of its nested conditions does.
 */
public record Condition(
        Set<SourceKind> sources,
        Set<Severity> severityHints,
        Severity severityHintAtLeast,
        Pattern text,
        Set<String> tags,
        Map<String, Pattern> fields,
        Set<Criticality> assetCriticality,
        Criticality assetCriticalityAtLeast,
        Set<DataCategory> dataCategories,
        Boolean indicatorMatch,
        Set<IndicatorType> indicatorTypes,
        Boolean unknownAsset,
        Boolean resolvedBySource,
        Set<IncidentCategory> categories,
        Severity severityAtLeast,
        Integer minAccounts,
        Integer minIpAddresses,
        List<Condition> anyOf) {
}
