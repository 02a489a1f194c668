package io.vigie.intake.publish;

import io.vigie.events.AlertRaised;
import io.vigie.events.IndicatorType;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.intake.alert.AffectedAssets;
import io.vigie.intake.alert.Alert;
import io.vigie.intake.alert.AlertContent;
import io.vigie.intake.alert.AlertOrigin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/** The edge between the alert model and the event contract: Avro types go no further in than this. */
final class AlertRaisedMapper {

    static final String PRODUCER = "alert-intake-service";

    private AlertRaisedMapper() {
    }

    static AlertRaised toEvent(Alert alert, Instant receivedAt, Instant now) {
        AlertOrigin origin = alert.origin();
        AlertContent content = alert.content();
        AffectedAssets affected = alert.affected();
        Map<String, String> attributes = new TreeMap<>(content.attributes());
        return AlertRaised.newBuilder()
                .setEventId(alert.eventId())
                .setOccurredAt(millis(now))
                .setProducer(PRODUCER)
                .setAlertId(alert.alertId())
                .setSource(SourceKind.valueOf(origin.sourceType().name()))
                .setSourceName(origin.sourceName())
                .setSourceReference(origin.sourceReference())
                .setFingerprint(origin.fingerprint())
                .setResolvedBySource(origin.resolvedBySource())
                .setTitle(content.title())
                .setDescription(content.description())
                .setSourceSeverity(content.sourceSeverity())
                .setSeverityHint(content.severityHint() == null ? null : Severity.valueOf(content.severityHint().name()))
                .setDetectedAt(millis(alert.detectedAt()))
                .setReceivedAt(millis(receivedAt))
                .setAsset(affected.asset())
                .setService(affected.service())
                .setAccounts(affected.accounts())
                .setIpAddresses(affected.ipAddresses())
                .setIndicators(affected.indicators().stream()
                        .map(indicator -> new io.vigie.events.Indicator(
                                IndicatorType.valueOf(indicator.type().name()), indicator.value()))
                        .toList())
                .setTags(content.tags())
                .setLinks(content.links().stream()
                        .map(link -> new io.vigie.events.Link(link.label(), link.url())).toList())
                .setClientHint(origin.clientHint())
                .setBoundClients(origin.boundClients())
                .setAttributes(attributes)
                .build();
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
