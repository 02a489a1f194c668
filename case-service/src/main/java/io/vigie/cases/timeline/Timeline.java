package io.vigie.cases.timeline;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Appends to and reads incidents' timelines. Entries are only ever inserted. Callers append inside the transaction
 * that changes the case and hold the case's row lock, which serialises an incident's entries; the primary key
 * (incident, sequence) refuses a second writer that did not.
 */
@Component
public class Timeline {

    private static final String COLUMNS = "incident_id, sequence_no, entry_id, occurred_at, recorded_at, actor, "
            + "entry_type, content, previous_hash, hash";

    static final RowMapper<TimelineEntry> ROWS = (rs, row) -> new TimelineEntry(
            rs.getObject("incident_id", UUID.class),
            rs.getLong("sequence_no"),
            rs.getObject("entry_id", UUID.class),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
            rs.getString("actor"),
            EntryType.valueOf(rs.getString("entry_type")),
            rs.getString("content"),
            rs.getString("previous_hash"),
            rs.getString("hash"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Timeline(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends an entry at the end of the incident's chain; needs the caller's transaction. */
    public TimelineEntry append(UUID incidentId, Instant occurredAt, String actor, EntryType type, String content) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a timeline entry must commit with the case change it records");
        }
        List<String[]> last = jdbc.query("SELECT sequence_no, hash FROM timeline_entry WHERE incident_id = ? "
                        + "ORDER BY sequence_no DESC LIMIT 1",
                (rs, row) -> new String[] {Long.toString(rs.getLong(1)), rs.getString(2)}, incidentId);
        long sequence = last.isEmpty() ? 1 : Long.parseLong(last.get(0)[0]) + 1;
        String previousHash = last.isEmpty() ? HashChain.GENESIS : last.get(0)[1];
        // Millisecond precision: what PostgreSQL and H2 both store exactly, so the hash reads back the same.
        Instant occurred = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        Instant recorded = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID entryId = UUID.randomUUID();
        String hash = HashChain.hash(previousHash, incidentId, sequence, entryId, occurred, recorded, actor, type,
                content);
        jdbc.update("INSERT INTO timeline_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                incidentId, sequence, entryId, utc(occurred), utc(recorded), actor, type.name(), content,
                previousHash, hash);
        return new TimelineEntry(incidentId, sequence, entryId, occurred, recorded, actor, type, content,
                previousHash, hash);
    }

    public List<TimelineEntry> entries(UUID incidentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM timeline_entry WHERE incident_id = ? ORDER BY sequence_no",
                ROWS, incidentId);
    }

    public ChainVerification verify(UUID incidentId) {
        return HashChain.verify(incidentId, entries(incidentId));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
