package io.vigie.triage.incident;

import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;
import io.vigie.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Resolved and closed incidents stop collecting alerts and leave the work queue. Both are keyed by incident id. */
@Component
class IncidentEndListener {

    private static final String GROUP = "triage-service";

    private final Triage triage;

    IncidentEndListener(Triage triage) {
        this.triage = triage;
    }

    @KafkaListener(topics = Topics.INCIDENT_RESOLVED, groupId = GROUP)
    void on(IncidentResolved event) {
        triage.resolved(IncidentEndMapper.toEnd(event)); // idempotent on the event id
    }

    @KafkaListener(topics = Topics.INCIDENT_CLOSED, groupId = GROUP)
    void on(IncidentClosed event) {
        triage.closed(IncidentEndMapper.toEnd(event)); // idempotent on the event id
    }
}
