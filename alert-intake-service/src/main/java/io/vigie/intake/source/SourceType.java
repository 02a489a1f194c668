package io.vigie.intake.source;

/** The kind of tool a configured source is; it decides the endpoint the source posts to and how its payload reads. */
public enum SourceType {
    SPLUNK, ALERTMANAGER, WAZUH, ELASTIC, GENERIC
}
