package io.vigie.triage.alert;

public enum SourceKind {
    SPLUNK, ALERTMANAGER, WAZUH, ELASTIC, GENERIC
}
