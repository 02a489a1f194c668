package io.vigie.triage.incident;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.events.AlertRaised;
import io.vigie.events.Topics;
import io.vigie.triage.alert.Alert;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Classifies the alerts of one poll in one transaction: one commit instead of one per alert is what lets triage keep
 * up with a storm. The outcome of each alert is the one it would have had alone, and a failure stays with the record
 * that caused it: an unreadable record, or one whose classification keeps failing, is reported to the platform's
 * error handler by its position ({@link BatchListenerFailedException}); the handler commits the offsets before it,
 * retries or dead-letters that one record, and delivers the ones after it again.
 */
@Component
class AlertRaisedListener {

    static final String ID = "triage-alert-raised";

    private static final LogAccessor log = new LogAccessor(LogFactory.getLog(AlertRaisedListener.class));

    private final Triage triage;
    private final Timer timer;
    private final DistributionSummary batchSize;

    AlertRaisedListener(Triage triage, MeterRegistry meters) {
        this.triage = triage;
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
        List<Alert> alerts = new ArrayList<>(records.size());
        for (ConsumerRecord<String, AlertRaised> record : records) {
            Alert alert;
            try {
                alert = AlertRaisedMapper.toAlert(readable(record));
            } catch (RuntimeException unreadable) {
                // The records before it are handled; this one goes to the error handler, the rest come again.
                classify(records, alerts, start);
                throw new BatchListenerFailedException("AlertRaised " + where(record) + " cannot be read",
                        unreadable, record);
            }
            alerts.add(alert);
        }
        classify(records, alerts, start);
    }

    /**
     * Classifies {@code alerts} (the first records, in order) in one transaction; if it fails, one transaction per
     * alert, so that the records before the culprit are kept and only the culprit is reported.
     */
    private void classify(List<ConsumerRecord<String, AlertRaised>> records, List<Alert> alerts, long start) {
        if (alerts.isEmpty()) {
            return;
        }
        try {
            triage.classify(alerts);
            committed(alerts.size(), start);
            return;
        } catch (RuntimeException batchFailure) {
            // A lone alert is the culprit already. When no transaction could begin (the database is unreachable), no
            // record is at fault: the platform retries the first one until the database answers.
            if (alerts.size() == 1 || batchFailure instanceof CannotCreateTransactionException) {
                throw new BatchListenerFailedException("Classifying AlertRaised " + where(records.get(0)) + " failed",
                        batchFailure, records.get(0));
            }
            log.warn(() -> "Classifying " + alerts.size() + " alerts in one transaction failed ("
                    + NestedExceptionUtils.getMostSpecificCause(batchFailure) + "); classifying them one by one to "
                    + "find the record at fault");
        }
        for (int i = 0; i < alerts.size(); i++) {
            try {
                triage.classify(List.of(alerts.get(i)));
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException("Classifying AlertRaised " + where(records.get(i)) + " failed",
                        failure, records.get(i));
            }
            committed(1, start);
        }
    }

    private void committed(int alerts, long start) {
        long elapsed = System.nanoTime() - start;
        for (int i = 0; i < alerts; i++) {
            timer.record(elapsed, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The record's event; a record the ErrorHandlingDeserializer could not read arrives with a null value and the
     * exception in a header, which the error handler recognises and dead-letters at once with the original bytes.
     */
    private static AlertRaised readable(ConsumerRecord<String, AlertRaised> record) {
        DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
        if (unreadable != null) {
            throw unreadable;
        }
        if (record.value() == null) {
            throw new IllegalArgumentException("no value");
        }
        return record.value();
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
