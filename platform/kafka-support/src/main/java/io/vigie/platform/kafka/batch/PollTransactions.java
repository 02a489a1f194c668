package io.vigie.platform.kafka.batch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Consumer;

/**
 * Handles the records of one poll of a batch listener in <b>one database transaction</b>, with a handler written for
 * one event (claim, change, outbox): one commit per poll instead of one per record is what lets a consumer keep up
 * on a busy machine, and a handler that is idempotent one record at a time stays so, since each record sees what the
 * ones before it in the poll did.
 *
 * <p>A failure stays with the record that caused it, reported to the platform's error handler as a
 * {@link BatchListenerFailedException}, which commits the offsets before it, retries or dead-letters that record and
 * delivers the ones after it again:
 * <ul>
 *   <li>a record that cannot be read (the {@code ErrorHandlingDeserializer} hands it over without a value): the
 *       records before it are handled in one transaction, then it is reported;</li>
 *   <li>a handler that throws: the poll's transaction is rolled back, and the records are handled again one
 *       transaction each up to the one that fails, which is reported;</li>
 *   <li>no transaction can begin (the database is unreachable): the first record is reported, and the platform
 *       retries it until the database answers.</li>
 * </ul>
 */
public final class PollTransactions {

    private static final LogAccessor log = new LogAccessor(PollTransactions.class);

    private final TransactionTemplate transactions;

    public PollTransactions(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Hands each record's value to {@code handler}, in order, all in one transaction (see the class comment). */
    public <V> void handle(List<ConsumerRecord<String, V>> records, Consumer<V> handler) {
        handleTogether(records, values -> values.forEach(handler));
    }

    /**
     * Hands the values of the poll's records, in order, to {@code handler} at once, in one transaction: for a handler
     * that works on a set (one claim, one lock, one write for the poll). Its outcome for a list must be the one of
     * handling each value on its own in that order, since a failure is narrowed down by handing it lists of one.
     */
    public <V> void handleTogether(List<ConsumerRecord<String, V>> records, Consumer<List<V>> handler) {
        for (int i = 0; i < records.size(); i++) {
            RuntimeException unreadable = unreadable(records.get(i));
            if (unreadable != null) {
                handleAll(records.subList(0, i), handler);
                throw new BatchListenerFailedException(where(records.get(i)) + " cannot be read", unreadable,
                        records.get(i));
            }
        }
        handleAll(records, handler);
    }

    private <V> void handleAll(List<ConsumerRecord<String, V>> records, Consumer<List<V>> handler) {
        if (records.isEmpty()) {
            return;
        }
        try {
            List<V> values = records.stream().map(ConsumerRecord::value).toList();
            transactions.executeWithoutResult(status -> handler.accept(values));
            return;
        } catch (RuntimeException pollFailure) {
            if (records.size() == 1 || pollFailure instanceof CannotCreateTransactionException) {
                throw new BatchListenerFailedException("Handling " + where(records.get(0)) + " failed", pollFailure,
                        records.get(0));
            }
            log.warn(() -> "Handling " + records.size() + " records in one transaction failed ("
                    + NestedExceptionUtils.getMostSpecificCause(pollFailure) + "); handling them one by one to find "
                    + "the record at fault");
        }
        for (ConsumerRecord<String, V> record : records) {
            try {
                transactions.executeWithoutResult(status -> handler.accept(List.of(record.value())));
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException("Handling " + where(record) + " failed", failure, record);
            }
        }
    }

    private static RuntimeException unreadable(ConsumerRecord<String, ?> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
        if (failure != null) {
            return failure;
        }
        return record.value() == null ? new IllegalArgumentException("no value") : null;
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
