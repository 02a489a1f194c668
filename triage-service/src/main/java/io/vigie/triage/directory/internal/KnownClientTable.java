package io.vigie.triage.directory.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** The known_client table: one row per client id, holding the latest change the directory said about it. */
@Repository
public class KnownClientTable {

    private final JdbcTemplate jdbc;

    KnownClientTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> ids() {
        return new TreeSet<>(jdbc.queryForList("SELECT client_id FROM known_client WHERE removed = FALSE",
                String.class));
    }

    /** Applies a change unless the row holds a later one already (a replay of older events changes nothing). */
    @Transactional
    public void apply(String clientId, String name, boolean removed, Instant changedAt) {
        Timestamp at = Timestamp.from(changedAt);
        int updated = jdbc.update("UPDATE known_client SET name = ?, removed = ?, changed_at = ? "
                + "WHERE client_id = ? AND changed_at <= ?", removed ? null : name, removed, at, clientId, at);
        if (updated == 0) {
            // Either the client is new, or its row holds a later change: then the insert finds it and does nothing.
            jdbc.update("INSERT INTO known_client (client_id, name, removed, changed_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", clientId, removed ? null : name, removed, at);
        }
    }
}
