package io.vigie.notification.notice;

import io.vigie.events.AlertClassified;
import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The incident events that lead to notices. Each is handled in one transaction that claims the event id and creates
 * the notices; nothing is sent here: the delivery worker sends after the commit.
 */
@Component
class IncidentEventsListener {

    private static final String GROUP = "notification-service";

    private final NoticePlanner planner;

    IncidentEventsListener(NoticePlanner planner) {
        this.planner = planner;
    }

    @KafkaListener(topics = Topics.ALERT_CLASSIFIED, groupId = GROUP)
    void on(AlertClassified event) {
        planner.classified(IncidentEventMapper.toClassification(event));
    }

    @KafkaListener(topics = Topics.INCIDENT_UPDATED, groupId = GROUP)
    void on(IncidentUpdated event) {
        planner.updated(IncidentEventMapper.toUpdate(event));
    }

    @KafkaListener(topics = Topics.INCIDENT_RESOLVED, groupId = GROUP)
    void on(IncidentResolved event) {
        planner.resolved(IncidentEventMapper.toResolution(event));
    }

    @KafkaListener(topics = Topics.INCIDENT_CLOSED, groupId = GROUP)
    void on(IncidentClosed event) {
        planner.closed(IncidentEventMapper.toClosure(event));
    }
}
