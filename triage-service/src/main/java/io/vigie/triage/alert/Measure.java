package io.vigie.triage.alert;

/**
 * A measure the SOC took, as a code: the policy names them, the classification carries them, and notification-service
 * words each one in the contact's language. Mirrors the contract's {@code Measure} symbol for symbol (mapped at the
 * edge, and a test keeps the two equal): a new measure is added to the contract, with its phrase in every language,
 * before a policy can use it.
 */
public enum Measure {
    ANALYSIS_STARTED,
    ACCOUNT_LOCKED,
    ATTACK_SOURCES_BLOCKED,
    ACCESS_REVOKED,
    EVIDENCE_SECURED,
    LEAK_CHANNEL_CLOSED,
    AFFECTED_RECORDS_IDENTIFIED,
    TRAFFIC_FILTERING,
    ON_CALL_ENGINEER_ENGAGED,
    SYSTEM_ISOLATED,
    INDICATORS_BLOCKED,
    NEIGHBOURING_SYSTEMS_CHECKED,
    CREDENTIALS_ROTATED,
    PASSWORDS_RESET,
    MALWARE_REMOVED,
    RESTORED_FROM_BACKUP,
    SERVICE_RESTORED,
    PATCH_APPLIED,
    MONITORING_REINFORCED,
    OTHER
}
