package io.vigie.events;

import java.util.List;

/**
 * Every topic of Vigie, with its key and value type. One writer per topic: the producing service is named on each.
 * The constants are compile-time strings so that {@code @KafkaListener(topics = Topics.ALERT_RAISED)} works.
 * A change that is not BACKWARD compatible gets a new {@code …v2} topic, never a new version on these.
 */
public final class Topics {

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    /** Written by alert-intake-service. */
    public static final String ALERT_RAISED = "vigie.alert-raised";
    /** Written by triage-service. */
    public static final String ALERT_CLASSIFIED = "vigie.alert-classified";
    /** Written by notification-service. */
    public static final String CLIENT_NOTIFIED = "vigie.client-notified";
    /** Written by case-service. */
    public static final String INCIDENT_UPDATED = "vigie.incident-updated";
    /** Written by case-service. */
    public static final String INCIDENT_RESOLVED = "vigie.incident-resolved";
    /** Written by postmortem-service. */
    public static final String INCIDENT_CLOSED = "vigie.incident-closed";
    /** Written by notification-service. */
    public static final String CLIENT_MESSAGES = "vigie.client-messages";
    /** Written by notification-service. */
    public static final String SURVEY_ANSWERED = "vigie.survey-answered";
    /** Written by regulatory-service. */
    public static final String REGULATORY_REPORTS = "vigie.regulatory-reports";
    /** Written by notification-service; compacted, keyed by client. */
    public static final String CLIENT_DIRECTORY = "vigie.client-directory";

    // Alerts about one asset go to one partition, so one triage instance sees them in order and correlates
    // them without a lock; after triage everything is keyed by incident, so an incident's events stay in order.
    public static final TopicSpec<AlertRaised> ALERT_RAISED_TOPIC = new TopicSpec<>(
            ALERT_RAISED, "asset, or the source reference when the alert names none", AlertRaised.class,
            AlertRaised.getClassSchema());
    public static final TopicSpec<AlertClassified> ALERT_CLASSIFIED_TOPIC = new TopicSpec<>(
            ALERT_CLASSIFIED, "incidentId", AlertClassified.class, AlertClassified.getClassSchema());
    public static final TopicSpec<ClientNotified> CLIENT_NOTIFIED_TOPIC = new TopicSpec<>(
            CLIENT_NOTIFIED, "incidentId", ClientNotified.class, ClientNotified.getClassSchema());
    public static final TopicSpec<IncidentUpdated> INCIDENT_UPDATED_TOPIC = new TopicSpec<>(
            INCIDENT_UPDATED, "incidentId", IncidentUpdated.class, IncidentUpdated.getClassSchema());
    public static final TopicSpec<IncidentResolved> INCIDENT_RESOLVED_TOPIC = new TopicSpec<>(
            INCIDENT_RESOLVED, "incidentId", IncidentResolved.class, IncidentResolved.getClassSchema());
    public static final TopicSpec<IncidentClosed> INCIDENT_CLOSED_TOPIC = new TopicSpec<>(
            INCIDENT_CLOSED, "incidentId", IncidentClosed.class, IncidentClosed.getClassSchema());
    public static final TopicSpec<ClientMessageReceived> CLIENT_MESSAGES_TOPIC = new TopicSpec<>(
            CLIENT_MESSAGES, "incidentId", ClientMessageReceived.class, ClientMessageReceived.getClassSchema());
    public static final TopicSpec<SurveyAnswered> SURVEY_ANSWERED_TOPIC = new TopicSpec<>(
            SURVEY_ANSWERED, "incidentId", SurveyAnswered.class, SurveyAnswered.getClassSchema());
    public static final TopicSpec<RegulatoryReportChanged> REGULATORY_REPORTS_TOPIC = new TopicSpec<>(
            REGULATORY_REPORTS, "incidentId", RegulatoryReportChanged.class,
            RegulatoryReportChanged.getClassSchema());
    public static final TopicSpec<ClientDirectoryChanged> CLIENT_DIRECTORY_TOPIC = new TopicSpec<>(
            CLIENT_DIRECTORY, "clientId", ClientDirectoryChanged.class, ClientDirectoryChanged.getClassSchema(), true);

    public static final List<TopicSpec<?>> ALL = List.of(
            ALERT_RAISED_TOPIC, ALERT_CLASSIFIED_TOPIC, CLIENT_NOTIFIED_TOPIC,
            INCIDENT_UPDATED_TOPIC, INCIDENT_RESOLVED_TOPIC, INCIDENT_CLOSED_TOPIC, CLIENT_MESSAGES_TOPIC,
            SURVEY_ANSWERED_TOPIC, REGULATORY_REPORTS_TOPIC, CLIENT_DIRECTORY_TOPIC);

    private Topics() {
    }
}
