package io.vigie.platform.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The ledger that makes a consumer idempotent: Kafka delivers at least once, and a replay delivers everything
 * again, so a handler first claims the event's id in the same transaction as its effects. A claimed id means the
 * effects are already committed and the event must change nothing.
 */
public class ProcessedEvents {

    private static final String CLAIM = "INSERT INTO processed_event (event_id, topic, processed_at) VALUES (?, ?, ?) "
            + "ON CONFLICT DO NOTHING";

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
        requireTransaction();
        return jdbc.update(CLAIM, eventId, topic, Timestamp.from(clock.instant())) == 1;
    }

    /**
     * Claims every id in one round trip (a JDBC batch); element {@code i} of the answer is what {@link #claim} would
     * have answered for {@code eventIds.get(i)} claimed in this order, so an id listed twice is claimed once.
     *
     * @throws IllegalStateException outside a transaction
     */
    public boolean[] claimAll(List<UUID> eventIds, String topic) {
        requireTransaction();
        Timestamp now = Timestamp.from(clock.instant());
        int[] counts = jdbc.batchUpdate(CLAIM, eventIds.stream().map(id -> new Object[] {id, topic, now}).toList());
        boolean[] claimed = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            claimed[i] = counts[i] == 1;
        }
        return claimed;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ProcessedEvents.claim needs a transaction: the claim must commit with "
                    + "the effects of handling the event");
        }
    }
}
