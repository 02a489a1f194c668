package io.vigie.triage.incident;

import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.events.ClassificationChange;
import io.vigie.events.DataCategory;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Indicator;
import io.vigie.events.IndicatorType;
import io.vigie.events.Measure;
import io.vigie.events.RuleFired;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.triage.alert.Alert;
import io.vigie.triage.policy.Classification;

import java.time.Instant;
import java.util.UUID;

/**
 * The edge: a correlation outcome out, as the AlertClassified every later stage reads. Facts only: the deprecated
 * text fields ({@code impact}, {@code measuresTaken}, {@code resolutionPlan}, {@code recommendedActions}) are left at
 * their defaults, and notification-service words the measures and the category for each client.
 */
final class AlertClassifiedMapper {

    static final String PRODUCER = "triage-service";

    private AlertClassifiedMapper() {
    }

    static AlertClassified toEvent(Correlation.Outcome outcome, Alert alert, Instant now) {
        Incident incident = outcome.incident();
        Classification c = incident.classification();
        return AlertClassified.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setProducer(PRODUCER)
                .setIncidentId(incident.id())
                .setAlertId(alert.alertId())
                .setChange(ClassificationChange.valueOf(outcome.change().name()))
                .setTitle(incident.title())
                .setSummary(incident.summary())
                .setSeverity(Severity.valueOf(c.severity().name()))
                .setPreviousSeverity(outcome.previousSeverity() == null ? null
                        : Severity.valueOf(outcome.previousSeverity().name()))
                .setPriority(incident.priority())
                .setCategory(IncidentCategory.valueOf(c.category().name()))
                .setSource(SourceKind.valueOf(incident.source().name()))
                .setSourceReference(incident.sourceReference())
                .setDetectedAt(incident.sightings().firstDetected())
                .setAlertReceivedAt(alert.receivedAt())
                .setAffectedClients(c.affectedClients().stream().map(AlertClassifiedMapper::client).toList())
                .setSuggestedClients(c.suggestedClients().stream().map(AlertClassifiedMapper::client).toList())
                .setAffectedAssets(c.assets())
                .setAffectedServices(c.services())
                .setDataCategories(c.dataCategories().stream().map(d -> DataCategory.valueOf(d.name())).toList())
                .setAccounts(incident.accounts())
                .setMatchedIndicators(c.matchedIndicators().stream().map(indicator -> Indicator.newBuilder()
                        .setType(IndicatorType.valueOf(indicator.type().name())).setValue(indicator.value()).build())
                        .toList())
                .setNotifyClients(c.notifyClients())
                .setPersonalDataInvolved(c.personalDataInvolved())
                // Legal deadlines are regulatory-service's (RegulatoryReportChanged); the field stays for old readers.
                .setGdprDeadline(null)
                .setMeasures(c.measures().stream().map(measure -> Measure.valueOf(measure.name())).toList())
                .setEstimatedResolutionAt(c.estimatedResolutionAt())
                .setUnknownAsset(c.unknownAsset())
                .setRelatedAlertCount(incident.sightings().alertCount())
                .setRationale(outcome.rationale().stream().map(rule -> RuleFired.newBuilder()
                        .setRuleId(rule.ruleId()).setDescription(rule.description()).setEffect(rule.effect()).build())
                        .toList())
                .setPolicyVersion(c.policyVersion())
                .build();
    }

    private static AffectedClient client(io.vigie.triage.policy.AffectedClient client) {
        return AffectedClient.newBuilder()
                .setClientId(client.clientId())
                .setAssets(client.assets())
                .setServices(client.services())
                .setDataCategories(client.dataCategories().stream().map(d -> DataCategory.valueOf(d.name())).toList())
                .setEmailMayBeCompromised(client.emailMayBeCompromised())
                .build();
    }
}
