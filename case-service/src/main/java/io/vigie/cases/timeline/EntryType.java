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
    /** An analyst attached a client to the incident, with the reason: it is told from the incident's current stage. */
    CLIENT_ATTACHED,
    /** An analyst detached a client from the incident, with the reason: it is told nothing more about it. */
    CLIENT_DETACHED,
    /** An analyst decided that no client is to be told about an incident whose clients nobody knew. */
    ATTRIBUTION_DISMISSED,
    NOTICE_APPROVED,
    /** A client's contact wrote: a question from the question page, or an email reply. */
    CLIENT_MESSAGE,
    CLIENT_ANSWERED,
    CLIENT_CALL,
    SURVEY_ANSWERED,
    /** A report the law asks of a client changed, as regulatory-service reported it (opened, due, submitted…). */
    REGULATORY_REPORT,
    RESOLVED,
    CLOSED
}
