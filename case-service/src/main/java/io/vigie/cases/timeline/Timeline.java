package io.vigie.cases.timeline;

import io.vigie.platform.kafka.batch.InLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return appendAll(List.of(new NewEntry(incidentId, occurredAt, actor, type, content))).get(0);
    }

    /**
     * Appends the entries in order, each at the end of its incident's chain, in one read of the chains' ends and one
     * insert; needs the caller's transaction.
     */
    public List<TimelineEntry> appendAll(List<NewEntry> entries) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a timeline entry must commit with the case change it records");
        }
        Map<UUID, ChainEnd> ends = ends(entries.stream().map(NewEntry::incidentId).distinct().toList());
        // Millisecond precision: what PostgreSQL and H2 both store exactly, so the hash reads back the same.
        Instant recorded = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<TimelineEntry> written = new ArrayList<>(entries.size());
        for (NewEntry entry : entries) {
            ChainEnd end = ends.getOrDefault(entry.incidentId(), ChainEnd.EMPTY);
            long sequence = end.sequence() + 1;
            Instant occurred = entry.occurredAt().truncatedTo(ChronoUnit.MILLIS);
            UUID entryId = UUID.randomUUID();
            String hash = HashChain.hash(end.hash(), entry.incidentId(), sequence, entryId, occurred, recorded,
                    entry.actor(), entry.type(), entry.content());
            written.add(new TimelineEntry(entry.incidentId(), sequence, entryId, occurred, recorded, entry.actor(),
                    entry.type(), entry.content(), end.hash(), hash));
            ends.put(entry.incidentId(), new ChainEnd(sequence, hash));
        }
        jdbc.batchUpdate("INSERT INTO timeline_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                written.stream().map(e -> new Object[] {e.incidentId(), e.sequence(), e.entryId(),
                        utc(e.occurredAt()), utc(e.recordedAt()), e.actor(), e.type().name(), e.content(),
                        e.previousHash(), e.hash()}).toList());
        return written;
    }

    /** The last entry of each incident's chain; an incident without entries is left out. */
    private Map<UUID, ChainEnd> ends(List<UUID> incidentIds) {
        Map<UUID, ChainEnd> ends = new HashMap<>();
        for (List<UUID> chunk : InLists.slices(incidentIds)) {
            String in = InLists.placeholders(chunk.size());
            jdbc.query("SELECT t.incident_id, t.sequence_no, t.hash FROM timeline_entry t JOIN (SELECT incident_id, "
                            + "MAX(sequence_no) AS last_no FROM timeline_entry WHERE incident_id IN (" + in + ") "
                            + "GROUP BY incident_id) last ON last.incident_id = t.incident_id "
                            + "AND last.last_no = t.sequence_no",
                    row -> {
                        ends.put(row.getObject(1, UUID.class), new ChainEnd(row.getLong(2), row.getString(3)));
                    }, chunk.toArray());
        }
        return ends;
    }

    /** An entry to append: the sequence number, the time it was recorded and the hashes are the timeline's to give. */
    public record NewEntry(UUID incidentId, Instant occurredAt, String actor, EntryType type, String content) {
    }

    private record ChainEnd(long sequence, String hash) {
        static final ChainEnd EMPTY = new ChainEnd(0, HashChain.GENESIS);
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
