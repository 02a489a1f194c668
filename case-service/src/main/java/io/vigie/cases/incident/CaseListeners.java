package io.vigie.cases.incident;

import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClientNotified;
import io.vigie.events.IncidentClosed;
import io.vigie.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every event of the other services that the case records; each is idempotent on its event id. */
@Component
class CaseListeners {

    private static final String GROUP = "case-service";

    private final CaseProjection projection;

    CaseListeners(CaseProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.ALERT_RAISED, groupId = GROUP)
    void on(AlertRaised event) {
        projection.on(EventMapper.toRaisedAlert(event));
    }

    @KafkaListener(topics = Topics.ALERT_CLASSIFIED, groupId = GROUP)
    void on(AlertClassified event) {
        projection.on(EventMapper.toClassification(event));
    }

    @KafkaListener(topics = Topics.CLIENT_NOTIFIED, groupId = GROUP)
    void on(ClientNotified event) {
        projection.on(EventMapper.toDelivery(event));
    }

    @KafkaListener(topics = Topics.INCIDENT_CLOSED, groupId = GROUP)
    void on(IncidentClosed event) {
        projection.on(EventMapper.toClosure(event));
    }
}
