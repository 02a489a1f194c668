package io.vigie.intake.publish.internal;

import io.vigie.intake.alert.Alert;
import io.vigie.intake.alert.AlertOrigin;
import io.vigie.intake.publish.ArchivedAlert;
import io.vigie.intake.publish.Evidence;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The service's own tables: raw payloads kept as evidence, and the published alerts that de-duplication checks. */
@Repository
public class EvidenceArchive {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Well under every driver's limit on bind parameters, and a plan PostgreSQL can still cache.
    private static final int LOOKUP_CHUNK = 200;

    private final JdbcTemplate jdbc;

    EvidenceArchive(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps every request of a batch, in one round trip; returns their payload ids in the same order. */
    public List<UUID> keepAll(List<Evidence> requests) {
        List<UUID> ids = new ArrayList<>(requests.size());
        List<Object[]> rows = new ArrayList<>(requests.size());
        for (Evidence evidence : requests) {
            UUID payloadId = UUID.randomUUID();
            ids.add(payloadId);
            rows.add(new Object[] {payloadId, evidence.sourceName(), evidence.sourceType().name(),
                    utc(evidence.receivedAt()), evidence.remoteAddress(), JSON.writeValueAsString(evidence.headers()),
                    evidence.body()});
        }
        jdbc.batchUpdate("INSERT INTO raw_payload (payload_id, source_name, source_type, received_at, remote_address, "
                + "headers, body) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        return ids;
    }

    /**
     * Records the alerts of a batch in one round trip; an element is false when that alert was already recorded: a
     * redelivery, an earlier alert of the same batch, or a concurrent request that committed it first.
     */
    public boolean[] recordAll(List<NewAlert> alerts) {
        // ON CONFLICT DO NOTHING rather than catching a duplicate key: on PostgreSQL a failed statement would
        // abort the whole transaction, and a concurrent insert of the same id waits for the other to commit.
        int[] counts = jdbc.batchUpdate("INSERT INTO intake_alert (alert_id, payload_id, source_name, source_reference, "
                + "fingerprint, resolved, received_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", alerts.stream().map(row -> {
                    AlertOrigin origin = row.alert().origin();
                    return new Object[] {row.alert().alertId(), row.payloadId(), origin.sourceName(),
                            origin.sourceReference(), origin.fingerprint(), origin.resolvedBySource(),
                            utc(row.receivedAt()), utc(row.receivedAt())};
                }).toList());
        boolean[] recorded = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            recorded[i] = counts[i] == 1;
        }
        return recorded;
    }

    /**
     * The alerts published by {@code sourceName} since {@code since} under any of {@code fingerprints}, oldest first:
     * what de-duplication within the window compares a batch with.
     */
    public List<Published> publishedSince(String sourceName, Collection<String> fingerprints, Instant since) {
        List<String> all = List.copyOf(fingerprints);
        List<Published> published = new ArrayList<>();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            List<Object> arguments = new ArrayList<>(chunk.size() + 2);
            arguments.add(sourceName);
            arguments.addAll(chunk);
            arguments.add(utc(since));
            published.addAll(jdbc.query("SELECT fingerprint, alert_id, received_at FROM intake_alert WHERE source_name = ? "
                            + "AND fingerprint IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                            + ") AND received_at >= ?",
                    (row, i) -> new Published(row.getString("fingerprint"), row.getObject("alert_id", UUID.class),
                            row.getObject("received_at", OffsetDateTime.class).toInstant()),
                    arguments.toArray()));
        }
        published.sort(Comparator.comparing(Published::receivedAt));
        return published;
    }

    public void countRepeats(List<Repeat> repeats) {
        jdbc.batchUpdate("UPDATE intake_alert SET repeat_count = repeat_count + 1, last_seen_at = ? WHERE alert_id = ?",
                repeats.stream().map(repeat -> new Object[] {utc(repeat.seenAt()), repeat.alertId()}).toList());
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

    /** An alert to record, with the request that brought it. */
    public record NewAlert(UUID payloadId, Alert alert, Instant receivedAt) {
    }

    /** An alert already published, as de-duplication within the window sees it. */
    public record Published(String fingerprint, UUID alertId, Instant receivedAt) {
    }

    /** One more sighting of an alert already published. */
    public record Repeat(UUID alertId, Instant seenAt) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> readHeaders(String json) {
        return JSON.readValue(json, Map.class);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
