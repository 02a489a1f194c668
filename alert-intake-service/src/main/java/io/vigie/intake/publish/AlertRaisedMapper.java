package io.vigie.intake.publish;

import io.vigie.events.AlertRaised;
import io.vigie.events.IndicatorType;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.intake.alert.Alert;

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
        Map<String, String> attributes = new TreeMap<>(alert.attributes());
        return AlertRaised.newBuilder()
                .setEventId(alert.eventId())
                .setOccurredAt(millis(now))
                .setProducer(PRODUCER)
                .setAlertId(alert.alertId())
                .setSource(SourceKind.valueOf(alert.sourceType().name()))
                .setSourceName(alert.sourceName())
                .setSourceReference(alert.sourceReference())
                .setFingerprint(alert.fingerprint())
                .setResolvedBySource(alert.resolvedBySource())
                .setTitle(alert.title())
                .setDescription(alert.description())
                .setSourceSeverity(alert.sourceSeverity())
                .setSeverityHint(alert.severityHint() == null ? null : Severity.valueOf(alert.severityHint().name()))
                .setDetectedAt(millis(alert.detectedAt()))
                .setReceivedAt(millis(receivedAt))
                .setAsset(alert.asset())
                .setService(alert.service())
                .setAccounts(alert.accounts())
                .setIpAddresses(alert.ipAddresses())
                .setIndicators(alert.indicators().stream()
                        .map(indicator -> new io.vigie.events.Indicator(
                                IndicatorType.valueOf(indicator.type().name()), indicator.value()))
                        .toList())
                .setTags(alert.tags())
                .setLinks(alert.links().stream()
                        .map(link -> new io.vigie.events.Link(link.label(), link.url())).toList())
                .setClientHint(alert.clientHint())
                .setBoundClients(alert.boundClients())
                .setAttributes(attributes)
                .build();
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
