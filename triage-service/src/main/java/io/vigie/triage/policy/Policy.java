package io.vigie.triage.policy;

import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Severity;

import java.util.List;

/** A parsed, validated triage policy: defaults, then rules applied in order. */
public record Policy(String version, String description, Defaults defaults, List<Rule> rules, String source) {

    /**
     * What an alert gets before any rule fires. {@code unknownAssetSeverity} is the floor for an alert about an
     * asset the inventory does not know: without knowing whose operations it touches, assume it matters.
     */
    public record Defaults(Severity severity, IncidentCategory category, boolean notifyClients, Severity unknownAssetSeverity) {
    }

    public Policy {
        rules = List.copyOf(rules);
    }
}
