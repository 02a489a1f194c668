package io.vigie.regulatory.incident.internal;

import io.vigie.regulatory.incident.Incident;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class IncidentRepository {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    IncidentRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Incident> find(UUID id, boolean lock) {
        return jdbc.query("SELECT facts FROM incident WHERE incident_id = ?" + (lock ? " FOR UPDATE" : ""),
                (rs, n) -> json.readValue(rs.getString(1), Incident.class), id).stream().findFirst();
    }

    public List<Incident> unresolved() {
        return jdbc.query("SELECT facts FROM incident WHERE resolved = FALSE ORDER BY updated_at",
                (rs, n) -> json.readValue(rs.getString(1), Incident.class));
    }

    /** Inserts the incident unless a concurrent first event did; {@code false} then, and the caller locks and merges. */
    public boolean insert(Incident incident, Instant now) {
        return jdbc.update("INSERT INTO incident (incident_id, facts, resolved, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", incident.id(), json.writeValueAsString(incident),
                incident.resolved(), Timestamp.from(now)) == 1;
    }

    public void update(Incident incident, Instant now) {
        jdbc.update("UPDATE incident SET facts = ?, resolved = ?, updated_at = ? WHERE incident_id = ?",
                json.writeValueAsString(incident), incident.resolved(), Timestamp.from(now), incident.id());
    }
}
