package io.vigie.postmortem.learning.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The queries across post-mortems and their action items that the learning pages and meters read. */
@Repository
public class LearningRows {

    private final JdbcTemplate jdbc;

    public LearningRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The action items not completed yet, of every post-mortem, in no order. */
    public List<OpenItem> openActionItems() {
        return jdbc.query("SELECT a.id, p.id, p.incident_id, p.status, a.description, a.owner, a.due_date, a.kind "
                        + "FROM action_item a JOIN postmortem p ON p.id = a.postmortem_id WHERE a.completed_at IS NULL",
                (rs, n) -> {
                    Date due = rs.getDate(7);
                    return new OpenItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                            due == null ? null : due.toLocalDate(), rs.getString(8));
                });
    }

    /** Open action items due before {@code today}. */
    public long overdueActionItems(LocalDate today) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM action_item WHERE completed_at IS NULL AND due_date < ?",
                Long.class, Date.valueOf(today));
    }

    /** How many post-mortems are in each status; a status with none counts 0. */
    public Map<String, Long> postmortemsByStatus() {
        Map<String, Long> counts = new TreeMap<>(Map.of("DRAFT", 0L, "APPROVED", 0L));
        jdbc.query("SELECT status, COUNT(*) FROM postmortem GROUP BY status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** The post-mortems of the incidents resolved since {@code from}: month of resolution and categories. */
    public List<Resolved> resolvedSince(Instant from) {
        return jdbc.query("SELECT resolved_at, incident_category, root_cause_category FROM postmortem "
                        + "WHERE resolved_at >= ?",
                (rs, n) -> new Resolved(YearMonth.from(rs.getTimestamp(1).toInstant().atZone(ZoneOffset.UTC)),
                        rs.getString(2), rs.getString(3)), Timestamp.from(from));
    }

    /** An open action item as stored. */
    public record OpenItem(UUID id, UUID postmortemId, UUID incidentId, String postmortemStatus, String description,
                           String owner, LocalDate dueDate, String kind) {
    }

    /** A post-mortem's month of resolution, its incident's category and its root cause's (null until stated). */
    public record Resolved(YearMonth month, String category, String rootCause) {
    }
}
