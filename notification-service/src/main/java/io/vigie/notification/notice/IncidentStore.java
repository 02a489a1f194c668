package io.vigie.notification.notice;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the service remembers of each incident, so that later events (which carry less) can still be told well. */
@Repository
class IncidentStore {

    enum Status { OPEN, RESOLVED, CLOSED }

    record IncidentRow(UUID id, Category category, Severity severity, Status status, Instant classifiedAt,
                       NoticeContent facts, Instant nextUpdateAt) {
    }

    private final JdbcTemplate jdbc;

    IncidentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IncidentRow> find(UUID id) {
        return jdbc.query("SELECT id, category, severity, status, classified_at, facts, next_update_at FROM incident "
                + "WHERE id = ?", (rs, n) -> new IncidentRow(rs.getObject("id", UUID.class),
                Category.valueOf(rs.getString("category")), Severity.valueOf(rs.getString("severity")),
                Status.valueOf(rs.getString("status")), rs.getTimestamp("classified_at").toInstant(),
                Json.read(rs.getString("facts"), NoticeContent.class),
                instant(rs.getTimestamp("next_update_at"))), id).stream().findFirst();
    }

    void insert(UUID id, NoticeContent facts, Instant classifiedAt, Instant nextUpdateAt) {
        jdbc.update("INSERT INTO incident (id, category, severity, status, classified_at, facts, update_sequence, "
                        + "next_update_at) VALUES (?, ?, ?, 'OPEN', ?, ?, 0, ?)",
                id, facts.category().name(), facts.severity().name(), Timestamp.from(classifiedAt), Json.write(facts),
                timestamp(nextUpdateAt));
    }

    void updateFacts(UUID id, NoticeContent facts) {
        jdbc.update("UPDATE incident SET category = ?, severity = ?, facts = ? WHERE id = ?",
                facts.category().name(), facts.severity().name(), Json.write(facts), id);
    }

    void scheduleNextUpdate(UUID id, Instant nextUpdateAt) {
        jdbc.update("UPDATE incident SET next_update_at = ? WHERE id = ?", timestamp(nextUpdateAt), id);
    }

    void setStatus(UUID id, Status status) {
        jdbc.update("UPDATE incident SET status = ?, next_update_at = NULL WHERE id = ?", status.name(), id);
    }

    /** The next UPDATE sequence of the incident; the row lock orders concurrent callers. */
    int nextUpdateSequence(UUID id) {
        jdbc.update("UPDATE incident SET update_sequence = update_sequence + 1 WHERE id = ?", id);
        return jdbc.queryForObject("SELECT update_sequence FROM incident WHERE id = ?", Integer.class, id);
    }

    /** Takes a due scheduled update for this caller only: false when another instance already moved the schedule. */
    boolean takeScheduledUpdate(UUID id, Instant due, Instant next) {
        return jdbc.update("UPDATE incident SET next_update_at = ? WHERE id = ? AND next_update_at = ? "
                + "AND status = 'OPEN'", timestamp(next), id, Timestamp.from(due)) == 1;
    }

    List<UUID> dueForUpdate(Instant now, int limit) {
        return jdbc.queryForList("SELECT id FROM incident WHERE status = 'OPEN' AND next_update_at <= ? "
                + "ORDER BY next_update_at LIMIT ?", UUID.class, Timestamp.from(now), limit);
    }

    void addClient(UUID incidentId, AffectedClient client) {
        int updated = jdbc.update("UPDATE incident_client SET impact = ?, email_may_be_compromised = ? "
                        + "WHERE incident_id = ? AND client_id = ?",
                Json.write(client), client.emailMayBeCompromised(), incidentId, client.clientId());
        if (updated == 0) {
            jdbc.update("INSERT INTO incident_client (incident_id, client_id, impact, email_may_be_compromised) "
                            + "VALUES (?, ?, ?, ?)",
                    incidentId, client.clientId(), Json.write(client), client.emailMayBeCompromised());
        }
    }

    List<AffectedClient> clients(UUID incidentId) {
        return jdbc.query("SELECT impact FROM incident_client WHERE incident_id = ? ORDER BY client_id",
                (rs, n) -> Json.read(rs.getString(1), AffectedClient.class), incidentId);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
