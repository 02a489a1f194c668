package io.vigie.triage.incident.internal;

import io.vigie.platform.kafka.batch.InLists;
import io.vigie.triage.alert.SourceKind;
import io.vigie.triage.incident.Attribution;
import io.vigie.triage.incident.Change;
import io.vigie.triage.incident.Incident;
import io.vigie.triage.incident.Sightings;
import io.vigie.triage.policy.Classification;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Repository
public class IncidentRepository {

    /** The parts of an incident kept as one JSON document. */
    public record Snapshot(String summary, SourceKind source, String sourceReference, Classification classification,
                    List<String> accounts, Instant firstReceived) {
    }

    /**
     * Snapshots are read whole and written whole, and outlive the version of triage that wrote them: one from before
     * issue #17 still holds the client texts the classification no longer has (ignored) and lacks its measures and
     * suggested clients (empty), so an incident open across the upgrade keeps taking alerts. No migration rewrites them.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final RowMapper<Incident> ROW = (rs, n) -> {
        Snapshot snapshot = JSON.readValue(rs.getString("snapshot"), Snapshot.class);
        return new Incident(rs.getObject("id", UUID.class), rs.getString("title"), snapshot.summary(),
                snapshot.source(), snapshot.sourceReference(), snapshot.classification(), snapshot.accounts(),
                rs.getInt("priority"), new Sightings(rs.getInt("alert_count"),
                        rs.getTimestamp("first_detected").toInstant(), rs.getTimestamp("last_detected").toInstant(),
                        snapshot.firstReceived(), rs.getBoolean("source_resolved")));
    };

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public IncidentRepository(JdbcTemplate jdbc) {
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
    public void planForCurrentSizes() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
        }
        if (postgres) {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    /** The ones of {@code alertIds} already recorded here: a redelivered or replayed alert, or a repeat of one. */
    public Set<UUID> seenAlerts(Collection<UUID> alertIds) {
        Set<UUID> seen = new HashSet<>();
        for (List<?> chunk : InLists.slices(alertIds)) {
            seen.addAll(jdbc.queryForList("SELECT alert_id FROM incident_alert WHERE alert_id IN ("
                    + InLists.placeholders(chunk.size()) + ")", UUID.class, chunk.toArray()));
        }
        return seen;
    }

    /** Open incidents found under correlation keys, and which keys lead to which of them. */
    public record OpenIncidents(Map<UUID, Incident> byId, Map<String, Set<UUID>> idsByKey) {
    }

    /**
     * The incidents under any of the keys that are neither resolved nor closed and whose last alert is not older than
     * {@code since}, locked until the transaction ends (in id order, so two transactions lock in the same order):
     * alerts about one asset arrive in order on one partition, but an incident can also be reached by source reference
     * from another partition, and two updates must not overwrite each other.
     */
    public OpenIncidents lockOpen(Collection<String> keys, Instant since) {
        Map<String, Set<UUID>> idsByKey = new HashMap<>();
        for (List<?> chunk : InLists.slices(keys.stream().map(IncidentRepository::storedKey).distinct().toList())) {
            jdbc.query("SELECT correlation_key, incident_id FROM correlation_key WHERE correlation_key IN ("
                    + InLists.placeholders(chunk.size()) + ")", row -> {
                        idsByKey.computeIfAbsent(row.getString(1), key -> new HashSet<>())
                                .add(row.getObject(2, UUID.class));
                    }, chunk.toArray());
        }
        List<UUID> ids = idsByKey.values().stream().flatMap(Set::stream).distinct().sorted().toList();
        Map<UUID, Incident> open = new HashMap<>();
        for (List<?> chunk : InLists.slices(ids)) {
            Object[] args = new Object[chunk.size() + 1];
            System.arraycopy(chunk.toArray(), 0, args, 0, chunk.size());
            args[chunk.size()] = Timestamp.from(since);
            jdbc.query("SELECT * FROM incident WHERE id IN (" + InLists.placeholders(chunk.size()) + ") AND last_detected >= ? "
                    + "AND resolved_at IS NULL AND closed_at IS NULL ORDER BY id FOR UPDATE", ROW, args)
                    .forEach(incident -> open.put(incident.id(), incident));
        }
        return new OpenIncidents(open, idsByKey);
    }

    public Optional<Incident> find(UUID id) {
        return jdbc.query("SELECT * FROM incident WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** An incident of the work queue, with where its attribution stands. */
    public record Queued(Incident incident, Attribution attribution) {
    }

    /**
     * The work queue: the incidents neither resolved nor closed, whatever the age of their alerts (a backfill, a SIEM
     * catching up after an outage, an incident nobody has resolved yet), highest priority first. Source-resolved ones
     * only when asked, except those whose clients nobody knows yet: someone must still name one or dismiss it.
     */
    public List<Queued> queue(boolean includeSourceResolved, int limit) {
        return jdbc.query("SELECT * FROM incident WHERE resolved_at IS NULL AND closed_at IS NULL "
                        + (includeSourceResolved ? ""
                        : "AND (source_resolved = FALSE OR (client_unknown = TRUE AND attribution IS NULL)) ")
                        + "ORDER BY priority DESC, first_detected ASC LIMIT ?",
                (rs, n) -> new Queued(ROW.mapRow(rs, n),
                        Attribution.of(rs.getBoolean("client_unknown"), rs.getString("attribution"))), limit);
    }

    /**
     * Records the analysts' decision on who the incident's clients are: a client named always counts (also after a
     * dismissal); a dismissal only while nothing was decided. False when the incident is unknown or the decision
     * changes nothing.
     */
    public boolean recordAttribution(UUID id, Attribution decision, String actor, Instant at) {
        String decidedBefore = decision == Attribution.ATTRIBUTED ? "(attribution IS NULL OR attribution = 'DISMISSED')"
                : "attribution IS NULL";
        return jdbc.update("UPDATE incident SET attribution = ?, attribution_by = ?, attribution_at = ? WHERE id = ? "
                + "AND " + decidedBefore, decision.name(), truncate(actor, 200), Timestamp.from(at), id) == 1;
    }

    public void insertAll(Collection<Incident> opened) {
        jdbc.batchUpdate("INSERT INTO incident (title, severity, category, priority, alert_count, first_detected, "
                        + "last_detected, source_resolved, personal_data, unknown_asset, policy_version, "
                        + "client_unknown, snapshot, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                opened.stream().map(incident -> {
                    Classification c = incident.classification();
                    Sightings seen = incident.sightings();
                    return new Object[] {truncate(incident.title(), 500), c.severity().name(), c.category().name(),
                            incident.priority(), seen.alertCount(), Timestamp.from(seen.firstDetected()),
                            Timestamp.from(seen.lastDetected()), seen.sourceResolved(),
                            c.personalDataInvolved(), c.unknownAsset(), c.policyVersion(),
                            clientUnknown(c), snapshot(incident), incident.id()};
                }).toList());
    }

    public void updateAll(Collection<Incident> changed) {
        jdbc.batchUpdate("UPDATE incident SET severity = ?, category = ?, priority = ?, alert_count = ?, "
                        + "last_detected = ?, source_resolved = ?, personal_data = ?, "
                        + "unknown_asset = ?, policy_version = ?, client_unknown = ?, snapshot = ? WHERE id = ?",
                changed.stream().map(incident -> {
                    Classification c = incident.classification();
                    Sightings seen = incident.sightings();
                    return new Object[] {c.severity().name(), c.category().name(), incident.priority(),
                            seen.alertCount(), Timestamp.from(seen.lastDetected()), seen.sourceResolved(),
                            c.personalDataInvolved(), c.unknownAsset(),
                            c.policyVersion(), clientUnknown(c), snapshot(incident), incident.id()};
                }).toList());
    }

    /** Marks the incident resolved (the first resolution counts); false when it is unknown or already resolved. */
    public boolean markResolved(UUID id, Instant resolvedAt) {
        return jdbc.update("UPDATE incident SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL",
                Timestamp.from(resolvedAt), id) == 1;
    }

    /** Marks the incident closed (the first closure counts); false when it is unknown or already closed. */
    public boolean markClosed(UUID id, Instant closedAt) {
        return jdbc.update("UPDATE incident SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                Timestamp.from(closedAt), id) == 1;
    }

    /** A correlation key leading to an incident. */
    public record CorrelationKey(String key, UUID incidentId) {
    }

    public void addKeys(Collection<CorrelationKey> keys) {
        jdbc.batchUpdate("INSERT INTO correlation_key (correlation_key, incident_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                keys.stream().map(key -> new Object[] {storedKey(key.key()), key.incidentId()}).toList());
    }

    /** What an alert did: the incident it opened or joined (null when ignored), and whether it was published. */
    public record AlertRecord(UUID alertId, UUID incidentId, Change change, boolean published, Instant receivedAt) {
    }

    public void recordAlerts(Collection<AlertRecord> alerts) {
        jdbc.batchUpdate("INSERT INTO incident_alert (alert_id, incident_id, change, published, received_at) "
                + "VALUES (?, ?, ?, ?, ?)", alerts.stream().map(alert -> new Object[] {alert.alertId(),
                alert.incidentId(), alert.change().name(), alert.published(), Timestamp.from(alert.receivedAt())})
                .toList());
    }

    /** A key as the table holds it: cut to the column's size, and looked up cut the same way. */
    public static String storedKey(String key) {
        return truncate(key, 1200);
    }

    private static String snapshot(Incident incident) {
        return JSON.writeValueAsString(new Snapshot(incident.summary(), incident.source(), incident.sourceReference(),
                incident.classification(), incident.accounts(), incident.sightings().firstReceived()));
    }

    /** Its clients must be told, and no alert named one affected (suggested ones are not: nobody vouches for them). */
    private static boolean clientUnknown(Classification c) {
        return c.notifyClients() && c.affectedClients().isEmpty();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
