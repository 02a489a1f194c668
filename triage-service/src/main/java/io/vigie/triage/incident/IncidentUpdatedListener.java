package io.vigie.triage.incident;

import io.vigie.events.IncidentUpdated;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The analysts' word on who an incident's clients are (case-service's {@code CLIENTS_CONFIRMED}): an incident whose
 * clients nobody knew leaves the attribution queue. The other updates are case-service's business.
 */
@Component
class IncidentUpdatedListener {

    private final Triage triage;

    IncidentUpdatedListener(Triage triage) {
        this.triage = triage;
    }

    @KafkaListener(topics = Topics.INCIDENT_UPDATED, groupId = "triage-service")
    void on(IncidentUpdated event) {
        if (event.getKind() == UpdateKind.CLIENTS_CONFIRMED) {
            triage.attributed(IncidentUpdatedMapper.toDecision(event)); // idempotent on the event id
        }
    }
}
