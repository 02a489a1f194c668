package io.vigie.triage.incident;

import io.vigie.triage.alert.SourceKind;
import io.vigie.triage.policy.Classification;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class IncidentRepository {

    /** The parts of an incident kept as one JSON document. */
    record Snapshot(String summary, SourceKind source, String sourceReference, Classification classification,
                    List<String> accounts, Instant firstReceived) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final RowMapper<Incident> ROW = (rs, n) -> {
        Snapshot snapshot = JSON.readValue(rs.getString("snapshot"), Snapshot.class);
        return new Incident(rs.getObject("id", UUID.class), rs.getString("title"), snapshot.summary(),
                snapshot.source(), snapshot.sourceReference(), snapshot.classification(), snapshot.accounts(),
                rs.getInt("priority"), rs.getInt("alert_count"), rs.getTimestamp("first_detected").toInstant(),
                rs.getTimestamp("last_detected").toInstant(), snapshot.firstReceived(), rs.getBoolean("source_resolved"));
    };

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    IncidentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes PostgreSQL plan the statements of the current transaction for the tables as they are now. Its JDBC
     * driver prepares a statement used five times on the server, and the server may then keep one generic plan made
     * from the statistics of the moment: on a young database they describe near-empty tables, and that plan scans
     * {@code incident} and {@code correlation_key} in a nested loop, so each lookup costs the product of their sizes.
     * A batch of hundreds of alerts grows the tables inside one transaction, which no ANALYZE can see. Planning each
     * statement (a fraction of a millisecond) picks the indexes. H2 has no plan cache to steer.
     */
    void planForCurrentSizes() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
        }
        if (postgres) {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    boolean alertSeen(UUID alertId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM incident_alert WHERE alert_id = ?", Integer.class, alertId) > 0;
    }

    /**
     * The most recently active incident under any of the keys whose last alert is not older than {@code since},
     * locked until the transaction ends: alerts about one asset arrive in order on one partition, but an incident
     * can also be reached by source reference from another partition, and two updates must not overwrite each other.
     */
    Optional<Incident> findOpen(List<String> keys, Instant since) {
        String placeholders = String.join(", ", Collections.nCopies(keys.size(), "?"));
        Object[] args = new Object[keys.size() + 1];
        for (int i = 0; i < keys.size(); i++) {
            args[i] = keys.get(i);
        }
        args[keys.size()] = Timestamp.from(since);
        return jdbc.query("SELECT i.* FROM incident i WHERE i.id IN (SELECT k.incident_id FROM correlation_key k "
                + "WHERE k.correlation_key IN (" + placeholders + ")) AND i.last_detected >= ? "
                + "AND i.resolved_at IS NULL AND i.closed_at IS NULL "
                + "ORDER BY i.last_detected DESC, i.first_detected DESC LIMIT 1 FOR UPDATE", ROW, args).stream().findFirst();
    }

    Optional<Incident> find(UUID id) {
        return jdbc.query("SELECT * FROM incident WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Open incidents for the work queue, highest priority first. */
    List<Incident> queue(Instant since, boolean includeSourceResolved, int limit) {
        return jdbc.query("SELECT * FROM incident WHERE last_detected >= ? AND resolved_at IS NULL AND closed_at IS NULL "
                        + (includeSourceResolved ? "" : "AND source_resolved = FALSE ")
                        + "ORDER BY priority DESC, first_detected ASC LIMIT ?", ROW, Timestamp.from(since), limit);
    }

    void insert(Incident incident) {
        Classification c = incident.classification();
        jdbc.update("INSERT INTO incident (title, severity, category, priority, alert_count, first_detected, "
                        + "last_detected, source_resolved, personal_data, gdpr_deadline, unknown_asset, policy_version, "
                        + "snapshot, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                truncate(incident.title(), 500), c.severity().name(), c.category().name(), incident.priority(),
                incident.alertCount(), Timestamp.from(incident.firstDetected()), Timestamp.from(incident.lastDetected()),
                incident.sourceResolved(), c.personalDataInvolved(), timestamp(c.gdprDeadline()), c.unknownAsset(),
                c.policyVersion(), snapshot(incident), incident.id());
    }

    void update(Incident incident) {
        Classification c = incident.classification();
        jdbc.update("UPDATE incident SET severity = ?, category = ?, priority = ?, alert_count = ?, last_detected = ?, "
                        + "source_resolved = ?, personal_data = ?, gdpr_deadline = ?, unknown_asset = ?, "
                        + "policy_version = ?, snapshot = ? WHERE id = ?",
                c.severity().name(), c.category().name(), incident.priority(), incident.alertCount(),
                Timestamp.from(incident.lastDetected()), incident.sourceResolved(), c.personalDataInvolved(),
                timestamp(c.gdprDeadline()), c.unknownAsset(), c.policyVersion(), snapshot(incident), incident.id());
    }

    /** Marks the incident resolved (the first resolution counts); false when it is unknown or already resolved. */
    boolean markResolved(UUID id, Instant resolvedAt) {
        return jdbc.update("UPDATE incident SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL",
                Timestamp.from(resolvedAt), id) == 1;
    }

    /** Marks the incident closed (the first closure counts); false when it is unknown or already closed. */
    boolean markClosed(UUID id, Instant closedAt) {
        return jdbc.update("UPDATE incident SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                Timestamp.from(closedAt), id) == 1;
    }

    /** One statement for all keys: it runs for every alert, and most of them are already there. */
    void addKeys(UUID incidentId, List<String> keys) {
        Object[] args = new Object[keys.size() * 2];
        for (int i = 0; i < keys.size(); i++) {
            args[2 * i] = truncate(keys.get(i), 1200);
            args[2 * i + 1] = incidentId;
        }
        jdbc.update("INSERT INTO correlation_key (correlation_key, incident_id) VALUES "
                + String.join(", ", Collections.nCopies(keys.size(), "(?, ?)")) + " ON CONFLICT DO NOTHING", args);
    }

    void recordAlert(UUID alertId, UUID incidentId, Change change, boolean published, Instant receivedAt) {
        jdbc.update("INSERT INTO incident_alert (alert_id, incident_id, change, published, received_at) "
                + "VALUES (?, ?, ?, ?, ?)", alertId, incidentId, change.name(), published, Timestamp.from(receivedAt));
    }

    private static String snapshot(Incident incident) {
        return JSON.writeValueAsString(new Snapshot(incident.summary(), incident.source(), incident.sourceReference(),
                incident.classification(), incident.accounts(), incident.firstReceived()));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
