package io.vigie.cases.timeline;

/** What a timeline entry records. */
public enum EntryType {
    ALERT_RAISED,
    ALERT_CLASSIFIED,
    CLIENT_NOTIFIED,
    NOTE,
    ACTION_TAKEN,
    ASSIGNED,
    SEVERITY_CHANGED,
    CLIENT_UPDATE,
    CLIENT_CONFIRMED,
    NOTICE_APPROVED,
    RESOLVED,
    CLOSED
}
