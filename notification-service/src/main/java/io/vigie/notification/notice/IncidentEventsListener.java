package io.vigie.notification.notice;

import io.vigie.events.AlertClassified;
import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.batch.PollTransactions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The incident events that lead to notices. Each is handled in one transaction (AlertClassified events share their
 * poll's) that claims the event id and creates the notices; nothing is sent here: the delivery worker sends after the
 * commit.
 */
@Component
class IncidentEventsListener {

    private static final String GROUP = "notification-service";

    private final NoticePlanner planner;
    private final Answers answers;
    private final PollTransactions polls;

    IncidentEventsListener(NoticePlanner planner, Answers answers, PollTransactions polls) {
        this.planner = planner;
        this.answers = answers;
        this.polls = polls;
    }

    // One transaction per poll on the topic that carries an event per alert (see PollTransactions); each event is
    // still claimed and planned on its own, so the outcome is the one of a transaction per event.
    @KafkaListener(topics = Topics.ALERT_CLASSIFIED, groupId = GROUP, batch = "true")
    void classified(List<ConsumerRecord<String, AlertClassified>> records) {
        polls.handle(records, event -> planner.classified(IncidentEventMapper.toClassification(event)));
    }

    @KafkaListener(topics = Topics.INCIDENT_UPDATED, groupId = GROUP)
    void on(IncidentUpdated event) {
        switch (event.getKind()) {
            // A conversation with one contact: never an UPDATE to the clients, nor a change of facts or schedule.
            case CLIENT_ANSWERED -> answers.answered(IncidentEventMapper.toAnswer(event));
            case CLIENT_CALL -> answers.called(IncidentEventMapper.toCall(event));
            default -> planner.updated(IncidentEventMapper.toUpdate(event));
        }
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
