package io.vigie.notification.notice.internal;

import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.AffectedClient;
import io.vigie.notification.notice.IncidentFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the service remembers of each incident, so that later events (which carry less) can still be told well. */
@Repository
public class IncidentStore {

    public enum Status { OPEN, RESOLVED, CLOSED }

    public record IncidentRow(UUID id, Status status, Instant classifiedAt, IncidentFacts facts) {
    }

    /** A told client whose scheduled UPDATE is due. */
    public record DueUpdate(UUID incidentId, String clientId, Instant dueAt) {
    }

    private final JdbcTemplate jdbc;

    public IncidentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IncidentRow> find(UUID id) {
        return jdbc.query("SELECT id, category, severity, status, classified_at, facts FROM incident WHERE id = ?",
                (rs, n) -> {
                    IncidentFacts facts = Json.read(rs.getString("facts"), IncidentFacts.class);
                    // Rows written before the facts were codes hold other fields: the columns still say what it is.
                    if (facts.category() == null || facts.severity() == null) {
                        facts = new IncidentFacts(Category.valueOf(rs.getString("category")),
                                Severity.valueOf(rs.getString("severity")), facts.detectedAt(), facts.personalData(),
                                facts.dataCategories(), facts.measures(), facts.estimatedResolutionAt());
                    }
                    return new IncidentRow(rs.getObject("id", UUID.class), Status.valueOf(rs.getString("status")),
                            rs.getTimestamp("classified_at").toInstant(), facts);
                }, id).stream().findFirst();
    }

    public void insert(UUID id, IncidentFacts facts, Instant classifiedAt) {
        jdbc.update("INSERT INTO incident (id, category, severity, status, classified_at, facts, update_sequence) "
                        + "VALUES (?, ?, ?, 'OPEN', ?, ?, 0)",
                id, facts.category().name(), facts.severity().name(), Timestamp.from(classifiedAt), Json.write(facts));
    }

    public void updateFacts(UUID id, IncidentFacts facts) {
        jdbc.update("UPDATE incident SET category = ?, severity = ?, facts = ? WHERE id = ?",
                facts.category().name(), facts.severity().name(), Json.write(facts), id);
    }

    /** Resolved or closed: no more scheduled updates for any of its clients. */
    public void setStatus(UUID id, Status status) {
        jdbc.update("UPDATE incident SET status = ?, next_update_at = NULL WHERE id = ?", status.name(), id);
        jdbc.update("UPDATE incident_client SET next_update_at = NULL WHERE incident_id = ?", id);
    }

    /** The next UPDATE sequence of the incident; the row lock orders concurrent callers. */
    public int nextUpdateSequence(UUID id) {
        jdbc.update("UPDATE incident SET update_sequence = update_sequence + 1 WHERE id = ?", id);
        return jdbc.queryForObject("SELECT update_sequence FROM incident WHERE id = ?", Integer.class, id);
    }

    public void addClient(UUID incidentId, AffectedClient client) {
        int updated = jdbc.update("UPDATE incident_client SET impact = ?, email_may_be_compromised = ? "
                        + "WHERE incident_id = ? AND client_id = ?",
                Json.write(client), client.emailMayBeCompromised(), incidentId, client.clientId());
        if (updated == 0) {
            jdbc.update("INSERT INTO incident_client (incident_id, client_id, impact, email_may_be_compromised) "
                            + "VALUES (?, ?, ?, ?)",
                    incidentId, client.clientId(), Json.write(client), client.emailMayBeCompromised());
        }
        jdbc.update("DELETE FROM suggested_client WHERE incident_id = ? AND client_id = ?", incidentId,
                client.clientId());
    }

    /**
     * An analyst detached the client: no scheduled UPDATE for it any more, and no pending suggestion. Its row is kept
     * (or made, for a client never told) so that a later alert naming it does not bring it back.
     */
    public void detach(UUID incidentId, String clientId, Instant at) {
        int updated = jdbc.update("UPDATE incident_client SET detached_at = ?, next_update_at = NULL "
                + "WHERE incident_id = ? AND client_id = ?", Timestamp.from(at), incidentId, clientId);
        if (updated == 0) {
            AffectedClient unknown = AffectedClient.unknown(clientId, false);
            jdbc.update("INSERT INTO incident_client (incident_id, client_id, impact, email_may_be_compromised, "
                    + "detached_at) VALUES (?, ?, ?, FALSE, ?)", incidentId, clientId, Json.write(unknown),
                    Timestamp.from(at));
        }
        jdbc.update("DELETE FROM suggested_client WHERE incident_id = ? AND client_id = ?", incidentId, clientId);
    }

    /** An analyst attached the client (again): true when it had been detached. */
    public boolean reattach(UUID incidentId, String clientId) {
        return jdbc.update("UPDATE incident_client SET detached_at = NULL WHERE incident_id = ? AND client_id = ? "
                + "AND detached_at IS NOT NULL", incidentId, clientId) == 1;
    }

    public boolean isDetached(UUID incidentId, String clientId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM incident_client WHERE incident_id = ? "
                + "AND client_id = ? AND detached_at IS NOT NULL", Integer.class, incidentId, clientId);
        return count != null && count > 0;
    }

    public List<AffectedClient> clients(UUID incidentId) {
        return jdbc.query("SELECT impact FROM incident_client WHERE incident_id = ? ORDER BY client_id",
                (rs, n) -> Json.read(rs.getString(1), AffectedClient.class), incidentId);
    }

    public Optional<AffectedClient> client(UUID incidentId, String clientId) {
        return clients(incidentId).stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }

    /** A client to confirm; nothing when it is already affected. */
    public void suggest(UUID incidentId, AffectedClient client) {
        if (client(incidentId, client.clientId()).isPresent()) {
            return;
        }
        int updated = jdbc.update("UPDATE suggested_client SET impact = ? WHERE incident_id = ? AND client_id = ?",
                Json.write(client), incidentId, client.clientId());
        if (updated == 0) {
            jdbc.update("INSERT INTO suggested_client (incident_id, client_id, impact) VALUES (?, ?, ?)",
                    incidentId, client.clientId(), Json.write(client));
        }
    }

    public Optional<AffectedClient> suggested(UUID incidentId, String clientId) {
        return jdbc.query("SELECT impact FROM suggested_client WHERE incident_id = ? AND client_id = ?",
                (rs, n) -> Json.read(rs.getString(1), AffectedClient.class), incidentId, clientId).stream().findFirst();
    }

    public void scheduleUpdate(UUID incidentId, String clientId, Instant next) {
        jdbc.update("UPDATE incident_client SET next_update_at = ? WHERE incident_id = ? AND client_id = ?",
                timestamp(next), incidentId, clientId);
    }

    /** When the client's next scheduled UPDATE is due, if one is. */
    public Optional<Instant> nextUpdateAt(UUID incidentId, String clientId) {
        return jdbc.query("SELECT next_update_at FROM incident_client WHERE incident_id = ? AND client_id = ? "
                        + "AND next_update_at IS NOT NULL", (rs, n) -> rs.getTimestamp(1).toInstant(), incidentId,
                clientId).stream().findFirst();
    }

    /** Takes a due scheduled update for this caller only: false when another instance already moved the schedule. */
    public boolean takeScheduledUpdate(UUID incidentId, String clientId, Instant due, Instant next) {
        return jdbc.update("UPDATE incident_client SET next_update_at = ? WHERE incident_id = ? AND client_id = ? "
                + "AND next_update_at = ?", timestamp(next), incidentId, clientId, Timestamp.from(due)) == 1;
    }

    public List<DueUpdate> dueForUpdate(Instant now, int limit) {
        return jdbc.query("SELECT c.incident_id, c.client_id, c.next_update_at FROM incident_client c "
                        + "JOIN incident i ON i.id = c.incident_id WHERE i.status = 'OPEN' AND c.next_update_at <= ? "
                        + "AND c.detached_at IS NULL "
                        + "ORDER BY c.next_update_at LIMIT ?",
                (rs, n) -> new DueUpdate(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant()), Timestamp.from(now), limit);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
