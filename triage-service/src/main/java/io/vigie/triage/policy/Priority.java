package io.vigie.triage.policy;

import io.vigie.triage.alert.Severity;

/**
 * The work queue's order, higher first. Severity dominates (its steps are 300 apart, more than everything else can
 * add); within a severity: how critical the hit assets are, how many clients, personal data (a legal clock runs),
 * known threats, and how many alerts keep coming.
 */
public final class Priority {

    private Priority() {
    }

    public static int of(Severity severity, int assetWeight, int clients, boolean personalData, boolean knownThreat,
                         int alertCount) {
        int alerts = Math.min(5 * (31 - Integer.numberOfLeadingZeros(Math.max(1, alertCount))), 40);
        return severity.weight() + assetWeight + 10 * Math.min(clients, 5) + (personalData ? 40 : 0)
                + (knownThreat ? 20 : 0) + alerts;
    }
}
