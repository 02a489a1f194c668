package io.vigie.intake.publish;

import io.vigie.intake.alert.Alert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The service's own tables: raw payloads kept as evidence, and the published alerts that de-duplication checks. */
@Repository
public class EvidenceArchive {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    EvidenceArchive(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    UUID keep(Evidence evidence) {
        UUID payloadId = UUID.randomUUID();
        jdbc.update("INSERT INTO raw_payload (payload_id, source_name, source_type, received_at, remote_address, "
                        + "headers, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                payloadId, evidence.sourceName(), evidence.sourceType().name(), utc(evidence.receivedAt()),
                evidence.remoteAddress(), JSON.writeValueAsString(evidence.headers()), evidence.body());
        return payloadId;
    }

    /** False when the alert is already recorded: a redelivery, or a concurrent request that committed it first. */
    boolean record(UUID payloadId, Alert alert, Instant receivedAt) {
        // ON CONFLICT DO NOTHING rather than catching a duplicate key: on PostgreSQL a failed statement would
        // abort the whole transaction, and a concurrent insert of the same id waits for the other to commit.
        return jdbc.update("INSERT INTO intake_alert (alert_id, payload_id, source_name, source_reference, fingerprint, "
                        + "resolved, received_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                alert.alertId(), payloadId, alert.sourceName(), alert.sourceReference(), alert.fingerprint(),
                alert.resolvedBySource(), utc(receivedAt), utc(receivedAt)) == 1;
    }

    Optional<UUID> publishedSince(String sourceName, String fingerprint, Instant since) {
        List<UUID> ids = jdbc.queryForList("SELECT alert_id FROM intake_alert WHERE source_name = ? AND fingerprint = ? "
                + "AND received_at >= ? ORDER BY received_at LIMIT 1", UUID.class, sourceName, fingerprint, utc(since));
        return ids.stream().findFirst();
    }

    void countRepeat(UUID alertId, Instant seenAt) {
        jdbc.update("UPDATE intake_alert SET repeat_count = repeat_count + 1, last_seen_at = ? WHERE alert_id = ?",
                utc(seenAt), alertId);
    }

    /** The archived request behind an alert, for analysts; empty when unknown or past retention. */
    public Optional<ArchivedAlert> find(UUID alertId) {
        return jdbc.query("SELECT a.alert_id, a.source_reference, a.repeat_count, a.last_seen_at, p.source_name, "
                        + "p.source_type, p.received_at, p.remote_address, p.headers, p.body "
                        + "FROM intake_alert a JOIN raw_payload p ON p.payload_id = a.payload_id WHERE a.alert_id = ?",
                (row, i) -> new ArchivedAlert(row.getObject("alert_id", UUID.class), row.getString("source_name"),
                        row.getString("source_type"), row.getString("source_reference"),
                        row.getObject("received_at", OffsetDateTime.class).toInstant(),
                        row.getString("remote_address"), readHeaders(row.getString("headers")), row.getBytes("body"),
                        row.getLong("repeat_count"), row.getObject("last_seen_at", OffsetDateTime.class).toInstant()),
                alertId).stream().findFirst();
    }

    /** Deletes what is older than the retention; the alerts of a payload go with it. */
    public int forgetBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM raw_payload WHERE received_at < ?", utc(cutoff));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> readHeaders(String json) {
        return JSON.readValue(json, Map.class);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** An alert with its evidence. */
    public record ArchivedAlert(UUID alertId, String sourceName, String sourceType, String sourceReference,
                                Instant receivedAt, String remoteAddress, Map<String, String> headers, byte[] body,
                                long repeatCount, Instant lastSeenAt) {
    }
}
