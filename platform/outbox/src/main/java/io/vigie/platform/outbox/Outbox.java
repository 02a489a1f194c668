package io.vigie.platform.outbox;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes an event as part of the caller's database transaction: the event is written to the service's
 * {@code outbox_event} table and the {@link OutboxRelay} sends it to Kafka after the commit. So the state change and
 * the event happen both or neither, whatever crashes when. The payload is plain Avro binary: writing it needs no
 * schema registry, so a registry outage never fails a business transaction.
 */
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, record_key, value_type, payload, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Runnable wakeRelay;
    private final Map<Class<?>, SpecificDatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();

    public Outbox(JdbcTemplate jdbc, Clock clock, Runnable wakeRelay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.wakeRelay = wakeRelay;
    }

    /**
     * Adds {@code event} to the current transaction's outbox.
     *
     * @throws IllegalStateException outside a transaction, where "both or neither" could not hold
     */
    public void append(String topic, String key, SpecificRecord event) {
        appendAll(List.of(new Entry(topic, key, event)));
    }

    /** An event for {@link #appendAll}: its topic, its record key and the event. */
    public record Entry(String topic, String key, SpecificRecord event) {
    }

    /**
     * Adds the events to the current transaction's outbox in one round trip (a JDBC batch), in this order.
     *
     * @throws IllegalStateException outside a transaction
     */
    public void appendAll(List<Entry> entries) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs a transaction: the event must commit with the "
                    + "state it describes (annotate the caller with @Transactional)");
        }
        if (entries.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = entries.stream().map(entry -> new Object[] {eventId(entry.event()), entry.topic(),
                entry.key(), entry.event().getClass().getName(), encode(entry.event()), now}).toList();
        if (rows.size() == 1) {
            jdbc.update(INSERT, rows.get(0));
        } else {
            jdbc.batchUpdate(INSERT, rows);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }
        });
    }

    private static UUID eventId(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField("eventId");
        if (field == null || !(event.get(field.pos()) instanceof UUID id)) {
            throw new IllegalArgumentException(event.getSchema().getFullName()
                    + " has no UUID eventId: consumers could not be idempotent on it");
        }
        return id;
    }

    private byte[] encode(SpecificRecord event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(event.getClass(), type -> new SpecificDatumWriter<>(event.getSchema()))
                    .write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
