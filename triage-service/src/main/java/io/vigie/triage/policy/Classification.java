package io.vigie.triage.policy;

import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.alert.Indicator;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Measure;
import io.vigie.triage.alert.Severity;

import java.time.Instant;
import java.util.List;

/**
 * What the policy decided about one alert, with the rules that decided it. Facts only: codes and values that
 * notification-service words for each client. No legal deadline: regulatory-service sets those from
 * {@code personalDataInvolved} and the rest.
 *
 * @param affectedClients  the clients the inventory, or a source bound to them, says are touched: notified
 * @param suggestedClients the clients the alert names that neither vouches for: an analyst confirms them first, and
 *                         they are never notified before (never in {@code affectedClients} either)
 * <p>
 * Wide: stored as JSON in each incident's snapshot, which outlives the version that wrote it (see
 * {@code IncidentRepository}), and returned as is by the policy dry run: its shape is a contract.
 */
public record Classification(
        Severity severity,
        IncidentCategory category,
        boolean notifyClients,
        List<DataCategory> dataCategories,
        List<AffectedClient> affectedClients,
        List<AffectedClient> suggestedClients,
        List<String> assets,
        List<String> services,
        List<Indicator> matchedIndicators,
        boolean personalDataInvolved,
        List<Measure> measures,
        Instant estimatedResolutionAt,
        boolean unknownAsset,
        int assetWeight,
        List<RuleFired> rationale,
        String policyVersion) {

    public Classification {
        dataCategories = List.copyOf(dataCategories);
        affectedClients = List.copyOf(affectedClients);
        // An incident stored before suggestions and measures existed has neither in its snapshot.
        suggestedClients = suggestedClients == null ? List.of() : List.copyOf(suggestedClients);
        assets = List.copyOf(assets);
        services = List.copyOf(services);
        matchedIndicators = List.copyOf(matchedIndicators);
        measures = measures == null ? List.of() : List.copyOf(measures);
        rationale = List.copyOf(rationale);
    }
}
