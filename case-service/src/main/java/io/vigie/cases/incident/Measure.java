package io.vigie.cases.incident;

/**
 * A measure the SOC took, as a code: notification-service words it in each contact's language. The labels are for
 * the analysts on the (English, internal) ops dashboard only; no client reads them. Mirrors the contract's
 * {@code io.vigie.events.Measure} symbol for symbol ({@code MeasureTest}).
 */
public enum Measure {
    ANALYSIS_STARTED("Analysis started"),
    ACCOUNT_LOCKED("Account locked"),
    ATTACK_SOURCES_BLOCKED("Attack sources blocked"),
    ACCESS_REVOKED("Access revoked"),
    EVIDENCE_SECURED("Evidence secured"),
    LEAK_CHANNEL_CLOSED("Leak channel closed"),
    AFFECTED_RECORDS_IDENTIFIED("Affected records identified"),
    TRAFFIC_FILTERING("Traffic filtering in place"),
    ON_CALL_ENGINEER_ENGAGED("On-call engineer engaged"),
    SYSTEM_ISOLATED("System isolated"),
    INDICATORS_BLOCKED("Indicators of compromise blocked"),
    NEIGHBOURING_SYSTEMS_CHECKED("Neighbouring systems checked"),
    CREDENTIALS_ROTATED("Credentials rotated"),
    PASSWORDS_RESET("Passwords reset"),
    MALWARE_REMOVED("Malware removed"),
    RESTORED_FROM_BACKUP("Restored from backup"),
    SERVICE_RESTORED("Service restored"),
    PATCH_APPLIED("Patch applied"),
    MONITORING_REINFORCED("Monitoring reinforced"),
    OTHER("Other measure");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
