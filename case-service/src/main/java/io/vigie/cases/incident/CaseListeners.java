package io.vigie.cases.incident;

import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.ClientNotified;
import io.vigie.events.IncidentClosed;
import io.vigie.events.SurveyAnswered;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.batch.PollTransactions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Every event of the other services that the case records; each is idempotent on its event id. */
@Component
class CaseListeners {

    private static final String GROUP = "case-service";

    private final CaseProjection projection;
    private final PollTransactions polls;

    CaseListeners(CaseProjection projection, PollTransactions polls) {
        this.projection = projection;
        this.polls = polls;
    }

    // The two topics that carry an event per alert are handled a poll at a time: one transaction, one claim and one
    // lock for the poll (see PollTransactions), with the outcome of handling each event on its own, in order.
    @KafkaListener(topics = Topics.ALERT_RAISED, groupId = GROUP, batch = "true")
    void raised(List<ConsumerRecord<String, AlertRaised>> records) {
        polls.handleTogether(records, events -> projection.onRaised(events.stream().map(EventMapper::toRaisedAlert)
                .toList()));
    }

    @KafkaListener(topics = Topics.ALERT_CLASSIFIED, groupId = GROUP, batch = "true")
    void classified(List<ConsumerRecord<String, AlertClassified>> records) {
        polls.handleTogether(records, events -> projection.onClassified(events.stream()
                .map(EventMapper::toClassification).toList()));
    }

    @KafkaListener(topics = Topics.CLIENT_NOTIFIED, groupId = GROUP)
    void on(ClientNotified event) {
        projection.on(EventMapper.toDelivery(event));
    }

    @KafkaListener(topics = Topics.INCIDENT_CLOSED, groupId = GROUP)
    void on(IncidentClosed event) {
        projection.on(EventMapper.toClosure(event));
    }

    @KafkaListener(topics = Topics.CLIENT_MESSAGES, groupId = GROUP)
    void on(ClientMessageReceived event) {
        projection.onMessage(EventMapper.toMessageReceived(event));
    }

    @KafkaListener(topics = Topics.SURVEY_ANSWERED, groupId = GROUP)
    void on(SurveyAnswered event) {
        projection.onSurveyAnswer(EventMapper.toSurveyAnswer(event));
    }
}
