package io.vigie.postmortem.incident.internal;

import io.vigie.platform.kafka.batch.InLists;
import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.incident.TimelineEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class IncidentRepository {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public IncidentRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Locks the incidents' rows, creating those this is the first event about. Events of one incident read from
     * different topics at once thus apply one after the other, and a race on the first one waits rather than failing
     * on the key. The rows are created and locked in the order of their ids, so two transactions that lock several
     * never wait for each other in a circle.
     */
    public Map<UUID, Incident> lockAll(Collection<UUID> ids, Instant now) {
        List<UUID> sorted = ids.stream().distinct().sorted().toList();
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("INSERT INTO incident (incident_id, facts, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                sorted.stream().map(id -> new Object[] {id, json.writeValueAsString(Incident.unknown(id)), at}).toList());
        Map<UUID, Incident> locked = new HashMap<>();
        for (List<UUID> chunk : InLists.slices(sorted)) {
            jdbc.query("SELECT facts FROM incident WHERE incident_id IN (" + InLists.placeholders(chunk.size()) + ") "
                            + "ORDER BY incident_id FOR UPDATE",
                    (rs, n) -> json.readValue(rs.getString(1), Incident.class), chunk.toArray())
                    .forEach(incident -> locked.put(incident.id(), incident));
        }
        return locked;
    }

    public Optional<Incident> find(UUID id) {
        return jdbc.query("SELECT facts FROM incident WHERE incident_id = ?",
                (rs, n) -> json.readValue(rs.getString(1), Incident.class), id).stream().findFirst();
    }

    public void saveAll(Collection<Incident> incidents, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("UPDATE incident SET facts = ?, updated_at = ? WHERE incident_id = ?", incidents.stream()
                .map(incident -> new Object[] {json.writeValueAsString(incident), at, incident.id()}).toList());
    }

    /**
     * Appends the entries; one whose key is there already (the same client message or survey answer, under a new event
     * id) is skipped.
     */
    public void appendAll(List<NewEntry> entries) {
        jdbc.batchUpdate("INSERT INTO timeline_entry (event_id, incident_id, occurred_at, kind, actor, description) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", entries.stream().map(e -> new Object[] {
                        e.eventId(), e.incidentId(), Timestamp.from(e.entry().at()), e.entry().kind(),
                        e.entry().actor(), e.entry().description()}).toList());
    }

    /** A timeline entry to append, keyed by the event that brought it. */
    public record NewEntry(UUID eventId, UUID incidentId, TimelineEntry entry) {
    }

    public List<TimelineEntry> timeline(UUID incidentId) {
        return jdbc.query("SELECT occurred_at, kind, actor, description FROM timeline_entry WHERE incident_id = ? "
                        + "ORDER BY occurred_at, kind, event_id",
                (rs, n) -> new TimelineEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4)), incidentId);
    }
}
