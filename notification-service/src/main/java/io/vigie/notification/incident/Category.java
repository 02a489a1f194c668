package io.vigie.notification.incident;

/** What kind of incident it is; chooses the notice template. */
public enum Category {
    ACCOUNT_COMPROMISE, MALWARE, DATA_BREACH, DDOS_OUTAGE, PHISHING, VULNERABILITY, POLICY_VIOLATION, OTHER
}
