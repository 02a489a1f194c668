package io.vigie.triage.incident;

import io.vigie.events.AlertRaised;
import io.vigie.triage.alert.AffectedAssets;
import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.AlertContent;
import io.vigie.triage.alert.AlertOrigin;
import io.vigie.triage.alert.Indicator;
import io.vigie.triage.alert.IndicatorType;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.alert.SourceKind;

import java.util.List;
import java.util.Map;

/** The edge: the wire event in, triage's own {@link Alert} out. */
final class AlertRaisedMapper {

    private AlertRaisedMapper() {
    }

    static Alert toAlert(AlertRaised event) {
        AlertOrigin origin = new AlertOrigin(SourceKind.valueOf(event.getSource().name()), event.getSourceName(),
                event.getSourceReference(), event.getFingerprint(), event.getResolvedBySource(), event.getClientHint(),
                orEmpty(event.getBoundClients()));
        AlertContent content = new AlertContent(event.getTitle(), event.getDescription(), event.getSourceSeverity(),
                event.getSeverityHint() == null ? null : Severity.valueOf(event.getSeverityHint().name()),
                orEmpty(event.getTags()), event.getAttributes() == null ? Map.of() : Map.copyOf(event.getAttributes()));
        AffectedAssets affected = new AffectedAssets(event.getAsset(), event.getService(), orEmpty(event.getAccounts()),
                orEmpty(event.getIpAddresses()), orEmpty(event.getIndicators()).stream()
                        .map(indicator -> new Indicator(IndicatorType.valueOf(indicator.getType().name()), indicator.getValue()))
                        .toList());
        return new Alert(event.getEventId(), event.getAlertId(), origin, content, affected, event.getDetectedAt(),
                event.getReceivedAt());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
