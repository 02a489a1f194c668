package io.vigie.triage.policy;

import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Measure;
import io.vigie.triage.alert.Severity;

import java.time.Duration;
import java.util.List;

/**
 * What a rule does. Severity: {@code severity} sets it (up or down), {@code raiseTo} makes it at least that,
 * {@code raiseBy} raises it by steps. Lists add to what earlier rules gave; single values replace them, so a later,
 * more specific rule wins. {@code includeAssetData} says that the data held by the hit assets is involved. Nothing
 * here is client wording: measures are codes, and notification-service words them.
 */
public record Action(
        Severity severity,
        Severity raiseTo,
        Integer raiseBy,
        IncidentCategory category,
        Boolean notifyClients,
        List<DataCategory> dataCategories,
        Boolean includeAssetData,
        Boolean emailMayBeCompromised,
        List<Measure> measures,
        Duration resolutionEta) {

    public Action {
        dataCategories = List.copyOf(dataCategories);
        measures = List.copyOf(measures);
    }
}
