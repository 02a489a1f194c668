package io.vigie.regulatory.incident;

import io.vigie.events.AlertClassified;
import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Topics;
import io.vigie.platform.outbox.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each event is claimed and applied in one transaction, with the obligations it triggers and their outbox events:
 * a redelivery or a replay changes nothing. One record per transaction: this service sees one event per alert and
 * per case step, far fewer than the intake's rate, so it does not need postmortem-service's batching.
 */
@Component
class IncidentEventListeners {

    private static final String GROUP = "regulatory-service";

    private final ProcessedEvents processedEvents;
    private final IncidentProjection projection;

    IncidentEventListeners(ProcessedEvents processedEvents, IncidentProjection projection) {
        this.processedEvents = processedEvents;
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.ALERT_CLASSIFIED, groupId = GROUP)
    @Transactional
    void on(AlertClassified event) {
        if (processedEvents.claim(event.getEventId(), Topics.ALERT_CLASSIFIED)) {
            projection.classified(event.getIncidentId(), IncidentEventMapper.classified(event));
        }
    }

    @KafkaListener(topics = Topics.INCIDENT_UPDATED, groupId = GROUP)
    @Transactional
    void on(IncidentUpdated event) {
        if (processedEvents.claim(event.getEventId(), Topics.INCIDENT_UPDATED)) {
            projection.change(event.getIncidentId(), incident -> incident.updated(
                    Severity.valueOf(event.getSeverity().name()), event.getStatus().name(),
                    IncidentEventMapper.measures(event), event.getMeasuresTaken()));
        }
    }

    @KafkaListener(topics = Topics.INCIDENT_RESOLVED, groupId = GROUP)
    @Transactional
    void on(IncidentResolved event) {
        if (processedEvents.claim(event.getEventId(), Topics.INCIDENT_RESOLVED)) {
            projection.change(event.getIncidentId(), incident -> incident.resolved(event.getResolvedAt(),
                    event.getSummary(), event.getDataCompromised(), event.getCorrectiveActions()));
        }
    }

    /** The post-mortem's root cause feeds the final reports (NIS2 Art. 23(4)(d)(ii), DORA final report). */
    @KafkaListener(topics = Topics.INCIDENT_CLOSED, groupId = GROUP)
    @Transactional
    void on(IncidentClosed event) {
        if (processedEvents.claim(event.getEventId(), Topics.INCIDENT_CLOSED)) {
            projection.change(event.getIncidentId(), incident -> incident.closed(event.getRootCause()));
        }
    }
}
