package io.vigie.postmortem.incident;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class IncidentRepository {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    IncidentRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Locks the incident's row, creating it first when this is the first event about it. Events of one incident read
     * from different topics at once thus apply one after the other, and a race on the first one waits rather than
     * failing on the key.
     */
    Incident lock(UUID id, Instant now) {
        jdbc.update("INSERT INTO incident (incident_id, facts, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                id, json.writeValueAsString(Incident.unknown(id)), Timestamp.from(now));
        return jdbc.queryForObject("SELECT facts FROM incident WHERE incident_id = ? FOR UPDATE",
                (rs, n) -> json.readValue(rs.getString(1), Incident.class), id);
    }

    Optional<Incident> find(UUID id) {
        return jdbc.query("SELECT facts FROM incident WHERE incident_id = ?",
                (rs, n) -> json.readValue(rs.getString(1), Incident.class), id).stream().findFirst();
    }

    void save(Incident incident, Instant now) {
        jdbc.update("UPDATE incident SET facts = ?, updated_at = ? WHERE incident_id = ?",
                json.writeValueAsString(incident), Timestamp.from(now), incident.id());
    }

    void append(UUID eventId, UUID incidentId, TimelineEntry entry) {
        jdbc.update("INSERT INTO timeline_entry (event_id, incident_id, occurred_at, kind, actor, description) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", eventId, incidentId, Timestamp.from(entry.at()), entry.kind(),
                entry.actor(), entry.description());
    }

    List<TimelineEntry> timeline(UUID incidentId) {
        return jdbc.query("SELECT occurred_at, kind, actor, description FROM timeline_entry WHERE incident_id = ? "
                        + "ORDER BY occurred_at, kind, event_id",
                (rs, n) -> new TimelineEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4)), incidentId);
    }
}
