package io.vigie.triage.incident;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.events.AlertRaised;
import io.vigie.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class AlertRaisedListener {

    private final Triage triage;
    private final Timer timer;

    AlertRaisedListener(Triage triage, MeterRegistry meters) {
        this.triage = triage;
        this.timer = Timer.builder("vigie.triage.classify").description("Time to classify one alert, commit included")
                .register(meters);
    }

    // Alerts are keyed by asset, so one instance sees an asset's alerts in order and correlates them without a lock.
    @KafkaListener(topics = Topics.ALERT_RAISED, groupId = "triage-service")
    void on(AlertRaised event) {
        timer.record(() -> triage.classify(AlertRaisedMapper.toAlert(event))); // idempotent on the event id
    }
}
