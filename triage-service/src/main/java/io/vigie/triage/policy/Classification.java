package io.vigie.triage.policy;

import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.alert.Indicator;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Severity;

import java.time.Instant;
import java.util.List;

/** What the policy decided about one alert, with the rules that decided it. */
public record Classification(
        Severity severity,
        IncidentCategory category,
        boolean notifyClients,
        List<DataCategory> dataCategories,
        List<AffectedClient> affectedClients,
        List<String> assets,
        List<String> services,
        List<Indicator> matchedIndicators,
        boolean personalDataInvolved,
        Instant gdprDeadline,
        String impact,
        List<String> measuresTaken,
        String resolutionPlan,
        Instant estimatedResolutionAt,
        List<String> recommendedActions,
        boolean unknownAsset,
        int assetWeight,
        List<RuleFired> rationale,
        String policyVersion) {

    public Classification {
        dataCategories = List.copyOf(dataCategories);
        affectedClients = List.copyOf(affectedClients);
        assets = List.copyOf(assets);
        services = List.copyOf(services);
        matchedIndicators = List.copyOf(matchedIndicators);
        measuresTaken = List.copyOf(measuresTaken);
        recommendedActions = List.copyOf(recommendedActions);
        rationale = List.copyOf(rationale);
    }
}
