package io.vigie.cases.timeline.internal;

import io.vigie.cases.timeline.EntryType;
import io.vigie.cases.timeline.TimelineEntry;
import io.vigie.platform.kafka.batch.InLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code timeline_entry} table: entries are only ever inserted, and read back in their chain's order. */
@Repository
public class TimelineRows {

    private static final String COLUMNS = "incident_id, sequence_no, entry_id, occurred_at, recorded_at, actor, "
            + "entry_type, content, previous_hash, hash";

    private static final RowMapper<TimelineEntry> ROWS = (rs, row) -> new TimelineEntry(
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

    public TimelineRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<TimelineEntry> entries) {
        jdbc.batchUpdate("INSERT INTO timeline_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries.stream().map(e -> new Object[] {e.incidentId(), e.sequence(), e.entryId(),
                        utc(e.occurredAt()), utc(e.recordedAt()), e.actor(), e.type().name(), e.content(),
                        e.previousHash(), e.hash()}).toList());
    }

    /** The last entry of each incident's chain; an incident without entries is left out. */
    public Map<UUID, ChainEnd> ends(List<UUID> incidentIds) {
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

    /** Every incident that has a timeline, in the order of their ids. */
    public List<UUID> incidents() {
        return jdbc.queryForList("SELECT DISTINCT incident_id FROM timeline_entry ORDER BY incident_id", UUID.class);
    }

    public List<TimelineEntry> entries(UUID incidentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM timeline_entry WHERE incident_id = ? ORDER BY sequence_no",
                ROWS, incidentId);
    }

    /** The end of a chain: the next entry takes the sequence after it and chains to its hash. */
    public record ChainEnd(long sequence, String hash) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
