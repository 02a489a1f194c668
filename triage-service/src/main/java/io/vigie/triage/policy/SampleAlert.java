package io.vigie.triage.policy;

import io.vigie.triage.alert.AffectedAssets;
import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.AlertContent;
import io.vigie.triage.alert.AlertOrigin;
import io.vigie.triage.alert.Indicator;
import io.vigie.triage.alert.IndicatorType;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.alert.SourceKind;
import io.vigie.triage.document.DocumentValues;
import io.vigie.triage.web.InputError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An alert to try a policy on, in JSON: the fields of an AlertRaised that classification reads, every one optional
 * but the title. Source GENERIC, detected now and no severity hint unless given.
 * <p>
 * Wide: the JSON body users write for a dry run, field for field an AlertRaised; {@link #toAlert} groups it.
 */
record SampleAlert(String source, String sourceName, String sourceReference, String fingerprint,
                   Boolean resolvedBySource, String title, String description, String sourceSeverity,
                   String severityHint, Instant detectedAt, String asset, String service, List<String> accounts,
                   List<String> ipAddresses, List<SampleIndicator> indicators, List<String> tags, String clientHint,
                   List<String> boundClients, Map<String, String> attributes) {

    record SampleIndicator(String type, String value) {
    }

    /** The alert as classification sees it; each mistake goes to {@code errors} under {@code alerts[index]}. */
    Alert toAlert(int index, Instant now, List<InputError> errors) {
        String at = "alerts[" + index + "]";
        if (title == null || title.isBlank()) {
            errors.add(new InputError(0, at + ".title", "title is required"));
        }
        SourceKind kind = source == null ? SourceKind.GENERIC : value(SourceKind.class, source, at + ".source", errors);
        Severity hint = severityHint == null ? null : value(Severity.class, severityHint, at + ".severityHint", errors);
        List<Indicator> observables = new ArrayList<>();
        List<SampleIndicator> given = orEmpty(indicators);
        for (int i = 0; i < given.size(); i++) {
            SampleIndicator indicator = given.get(i);
            String path = at + ".indicators[" + i + "]";
            IndicatorType type = indicator == null || indicator.type() == null ? null
                    : value(IndicatorType.class, indicator.type(), path + ".type", errors);
            if (indicator == null || indicator.type() == null) {
                errors.add(new InputError(0, path + ".type", "type is required",
                        DocumentValues.names(IndicatorType.class)));
            }
            if (indicator == null || indicator.value() == null || indicator.value().isBlank()) {
                errors.add(new InputError(0, path + ".value", "value is required"));
            } else if (type != null) {
                observables.add(new Indicator(type, indicator.value()));
            }
        }
        Instant detected = Optional.ofNullable(detectedAt).orElse(now);
        AlertOrigin origin = new AlertOrigin(kind == null ? SourceKind.GENERIC : kind,
                Optional.ofNullable(sourceName).orElse("dry-run"),
                Optional.ofNullable(sourceReference).orElse("dry-run-" + index), fingerprint,
                Boolean.TRUE.equals(resolvedBySource), clientHint, orEmpty(boundClients));
        AlertContent content = new AlertContent(title, description, sourceSeverity, hint, orEmpty(tags),
                attributes == null ? Map.of() : attributes);
        AffectedAssets affected = new AffectedAssets(asset, service, orEmpty(accounts), orEmpty(ipAddresses), observables);
        return new Alert(UUID.randomUUID(), UUID.randomUUID(), origin, content, affected, detected, detected);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String given, String field, List<InputError> errors) {
        try {
            return Enum.valueOf(type, given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = DocumentValues.names(type);
            errors.add(new InputError(0, field, "unknown value '" + given + "'; allowed: " + String.join(", ", allowed),
                    allowed));
            return null;
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
