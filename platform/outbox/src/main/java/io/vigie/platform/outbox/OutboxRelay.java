package io.vigie.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.platform.loop.WorkLoop;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends committed outbox events to Kafka, oldest first, and deletes them once the broker acknowledged them.
 *
 * <p>One thread, woken after each commit that added events and every {@code pollInterval} otherwise (for events
 * committed while it was down or failing). Rows are locked while they are sent, so several instances of a service
 * relay one after the other and never interleave an incident's events. A crash between the broker's ack and the
 * delete sends those events again: publication is at least once, and consumers are idempotent on eventId
 * ({@link ProcessedEvents}), which makes the effect exactly once.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, Object> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Map<String, SpecificDatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();
    private final Counter published;
    private final Counter failures;
    private final Timer delay;
    // Relays, waits a poll interval or until woken, backs off while the broker or the database fails.
    private final WorkLoop loop;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, Object> kafka,
                       OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("vigie.outbox.published").description("Events relayed to Kafka")
                .register(meters);
        this.failures = Counter.builder("vigie.outbox.failures").description("Relay rounds that failed and will retry")
                .register(meters);
        this.delay = Timer.builder("vigie.outbox.delay").description("From commit to the broker's acknowledgement")
                .publishPercentileHistogram().register(meters);
        Gauge.builder("vigie.outbox.pending", this, OutboxRelay::pending)
                .description("Committed events not yet acknowledged by the broker").register(meters);
        this.loop = new WorkLoop(WorkLoop.Settings.interruptible("outbox-relay", properties.pollInterval(),
                properties.maxBackOff(), properties.sendTimeout()), () -> {
                    relayPending();
                    return false;
                }, (failure, retryIn) -> {
                    failures.increment();
                    log.warn("Outbox relay failed, retrying in {}: {}", retryIn, failure.getMessage());
                });
    }

    /** Asks the relay to look for new events now; never blocks the caller. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Relays everything committed so far; returns how many events were sent. For the relay thread and tests. */
    public int relayPending() {
        int total = 0;
        int sent;
        do {
            sent = relayBatch();
            total += sent;
        } while (sent == properties.batchSize());
        return total;
    }

    private int relayBatch() {
        Integer sent = transactions.execute(status -> {
            List<OutboxRow> rows = jdbc.query(
                    "SELECT id, topic, record_key, value_type, payload, created_at FROM outbox_event "
                            + "ORDER BY id LIMIT ? FOR UPDATE",
                    (rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBytes(5), rs.getTimestamp(6).toInstant()),
                    properties.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            // Sent in id order on one idempotent producer: Kafka keeps that order within each partition.
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                acks.add(kafka.send(row.topic(), row.key(), decode(row)));
            }
            awaitAll(acks);
            jdbc.batchUpdate("DELETE FROM outbox_event WHERE id = ?", rows, rows.size(),
                    (statement, row) -> statement.setLong(1, row.id()));
            Instant now = clock.instant();
            rows.forEach(row -> delay.record(Duration.between(row.createdAt(), now)));
            return rows.size();
        });
        int count = sent == null ? 0 : sent;
        published.increment(count);
        return count;
    }

    private void awaitAll(List<CompletableFuture<?>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not acknowledge the outbox events: " + e.getMessage(), e);
        }
    }

    private SpecificRecord decode(OutboxRow row) {
        SpecificDatumReader<SpecificRecord> reader = readers.computeIfAbsent(row.valueType(), OutboxRelay::readerFor);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(row.payload(), null));
        } catch (IOException e) {
            throw new UncheckedIOException("Outbox event " + row.id() + " is not a readable " + row.valueType(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static SpecificDatumReader<SpecificRecord> readerFor(String valueType) {
        try {
            Class<? extends SpecificRecord> type = (Class<? extends SpecificRecord>) Class.forName(valueType);
            return new SpecificDatumReader<>(SpecificData.getForClass(type).getSchema(type),
                    SpecificData.getForClass(type).getSchema(type), SpecificData.getForClass(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Outbox event type " + valueType + " is not on the class path", e);
        }
    }

    private long pending() {
        try {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class);
            return count == null ? 0 : count;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Stop before the Kafka producer and the data source go away; start after they are ready. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private record OutboxRow(long id, String topic, String key, String valueType, byte[] payload, Instant createdAt) {
    }
}
