package io.vigie.postmortem.incident;

import io.vigie.events.AlertClassified;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.ClientNotified;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.SurveyAnswered;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.batch.PollTransactions;
import io.vigie.platform.outbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Each event is claimed and applied in one transaction (AlertClassified events share their poll's): a redelivery or a
 * replay changes nothing. Spring Kafka times every listener ({@code spring.kafka.listener}), so these need no meters of their own.
 */
@Component
class IncidentEventListeners {

    private static final String GROUP = "postmortem-service";

    private final ProcessedEvents processedEvents;
    private final IncidentProjection projection;
    private final PollTransactions polls;

    IncidentEventListeners(ProcessedEvents processedEvents, IncidentProjection projection, PollTransactions polls) {
        this.processedEvents = processedEvents;
        this.projection = projection;
        this.polls = polls;
    }

    // The topic carries an event per alert: one transaction, one claim and one lock for the poll (see PollTransactions),
    // with the outcome of applying each event on its own, in order.
    @KafkaListener(topics = Topics.ALERT_CLASSIFIED, groupId = GROUP, batch = "true")
    void classified(List<ConsumerRecord<String, AlertClassified>> records) {
        polls.handleTogether(records, this::applyClassifications);
    }

    private void applyClassifications(List<AlertClassified> events) {
        boolean[] claimed = processedEvents.claimAll(events.stream().map(AlertClassified::getEventId).toList(),
                Topics.ALERT_CLASSIFIED);
        List<IncidentProjection.Change> changes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (claimed[i]) {
                AlertClassified event = events.get(i);
                Incident.Classification classification = IncidentEventMapper.classification(event);
                changes.add(new IncidentProjection.Change(event.getEventId(), event.getIncidentId(),
                        incident -> incident.classified(classification), IncidentEventMapper.classificationEntry(event)));
            }
        }
        projection.applyAll(changes);
    }

    @KafkaListener(topics = Topics.CLIENT_NOTIFIED, groupId = GROUP)
    @Transactional
    void on(ClientNotified event) {
        if (processedEvents.claim(event.getEventId(), Topics.CLIENT_NOTIFIED)) {
            Incident.Notice notice = IncidentEventMapper.notice(event);
            projection.apply(event.getEventId(), event.getIncidentId(), i -> i.notified(notice),
                    IncidentEventMapper.noticeEntry(event));
        }
    }

    @KafkaListener(topics = Topics.INCIDENT_UPDATED, groupId = GROUP)
    @Transactional
    void on(IncidentUpdated event) {
        if (processedEvents.claim(event.getEventId(), Topics.INCIDENT_UPDATED)) {
            Incident.Update update = IncidentEventMapper.update(event);
            projection.apply(event.getEventId(), event.getIncidentId(), i -> i.updated(update),
                    IncidentEventMapper.updateEntry(event));
        }
    }

    /** A client's question or reply: on the timeline only, as the case record has it. */
    @KafkaListener(topics = Topics.CLIENT_MESSAGES, groupId = GROUP)
    @Transactional
    void on(ClientMessageReceived event) {
        if (processedEvents.claim(event.getEventId(), Topics.CLIENT_MESSAGES)) {
            // Keyed by the message, not the event: the same message replayed under a new event id shows once.
            projection.apply(event.getMessageId(), event.getIncidentId(), UnaryOperator.identity(),
                    IncidentEventMapper.messageEntry(event));
        }
    }

    /** A survey answer: on the timeline, and kept for the report's client feedback, even once it is approved. */
    @KafkaListener(topics = Topics.SURVEY_ANSWERED, groupId = GROUP)
    @Transactional
    void on(SurveyAnswered event) {
        if (processedEvents.claim(event.getEventId(), Topics.SURVEY_ANSWERED)) {
            ClientFeedback feedback = IncidentEventMapper.feedback(event);
            projection.feedback(feedback, IncidentEventMapper.feedbackEntry(feedback));
        }
    }

    @KafkaListener(topics = Topics.INCIDENT_RESOLVED, groupId = GROUP)
    @Transactional
    void on(IncidentResolved event) {
        if (processedEvents.claim(event.getEventId(), Topics.INCIDENT_RESOLVED)) {
            Incident.Resolution resolution = IncidentEventMapper.resolution(event);
            projection.apply(event.getEventId(), event.getIncidentId(), i -> i.resolved(resolution),
                    IncidentEventMapper.resolutionEntry(event));
        }
    }
}
