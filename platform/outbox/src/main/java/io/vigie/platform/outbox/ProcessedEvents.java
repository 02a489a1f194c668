package io.vigie.platform.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * The ledger that makes a consumer idempotent: Kafka delivers at least once, and a replay delivers everything
 * again, so a handler first claims the event's id in the same transaction as its effects. A claimed id means the
 * effects are already committed and the event must change nothing.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProcessedEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims {@code eventId}; {@code true} the first time, {@code false} when it was processed before. Concurrent
     * claims of one id wait for each other, so exactly one wins.
     *
     * @throws IllegalStateException outside a transaction, where the claim would not commit with the effects
     */
    public boolean claim(UUID eventId, String topic) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ProcessedEvents.claim needs a transaction: the claim must commit with "
                    + "the effects of handling the event");
        }
        return jdbc.update("INSERT INTO processed_event (event_id, topic, processed_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", eventId, topic, Timestamp.from(clock.instant())) == 1;
    }
}
