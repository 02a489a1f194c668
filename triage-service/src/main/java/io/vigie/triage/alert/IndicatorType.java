package io.vigie.triage.alert;

public enum IndicatorType {
    IP, DOMAIN, URL, FILE_HASH, CVE, EMAIL, USER_AGENT, OTHER
}
