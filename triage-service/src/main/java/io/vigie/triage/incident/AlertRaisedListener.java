package io.vigie.triage.incident;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.events.AlertRaised;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.batch.PollTransactions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Classifies the alerts of one poll in one transaction: one commit instead of one per alert is what lets triage keep
 * up with a storm. The outcome of each alert is the one it would have had alone, and a failure stays with the record
 * that caused it ({@link PollTransactions#handleTogether}): an unreadable record, or one whose classification keeps
 * failing, is reported to the platform's error handler by its position; the handler commits the offsets before it,
 * retries or dead-letters that one record, and delivers the ones after it again.
 */
@Component
class AlertRaisedListener {

    static final String ID = "triage-alert-raised";

    private final Triage triage;
    private final PollTransactions polls;
    private final Timer timer;
    private final DistributionSummary batchSize;

    AlertRaisedListener(Triage triage, PollTransactions polls, MeterRegistry meters) {
        this.triage = triage;
        this.polls = polls;
        this.timer = Timer.builder("vigie.triage.classify")
                .description("From the poll that brought an alert to the commit of its classification, per alert")
                .register(meters);
        this.batchSize = DistributionSummary.builder("vigie.triage.batch.size")
                .description("AlertRaised records handed to the listener by one poll").register(meters);
    }

    // Alerts are keyed by asset, so one instance sees an asset's alerts in order and correlates them without a lock.
    // A poll may hold several partitions; the list keeps each partition's order, which is all correlation needs.
    @KafkaListener(id = ID, topics = Topics.ALERT_RAISED, groupId = "triage-service", batch = "true")
    void on(List<ConsumerRecord<String, AlertRaised>> records) {
        long start = System.nanoTime();
        batchSize.record(records.size());
        polls.handleTogether(records, events -> {
            triage.classify(events.stream().map(AlertRaisedMapper::toAlert).toList());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    long elapsed = System.nanoTime() - start;
                    for (int i = 0; i < events.size(); i++) {
                        timer.record(elapsed, TimeUnit.NANOSECONDS);
                    }
                }
            });
        });
    }
}
