package io.vigie.triage.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.Set;
import java.util.TreeSet;

/**
 * The client ids notification-service's directory holds, as its ClientDirectoryChanged events said. Read from the
 * database on each call, not cached: the instances split the topic's partitions, so each sees only part of the
 * events, and only the shared table has them all.
 */
@Component
public class KnownClients {

    private final JdbcTemplate jdbc;

    KnownClients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The clients in the directory now. */
    public Set<String> ids() {
        return new TreeSet<>(jdbc.queryForList("SELECT client_id FROM known_client WHERE removed = FALSE",
                String.class));
    }

    /** Applies a change unless the row holds a later one already (a replay of older events changes nothing). */
    @Transactional
    void apply(DirectoryChange change) {
        Timestamp at = Timestamp.from(change.changedAt());
        int updated = jdbc.update("UPDATE known_client SET name = ?, removed = ?, changed_at = ? "
                + "WHERE client_id = ? AND changed_at <= ?", change.removed() ? null : change.name(),
                change.removed(), at, change.clientId(), at);
        if (updated == 0) {
            // Either the client is new, or its row holds a later change: then the insert finds it and does nothing.
            jdbc.update("INSERT INTO known_client (client_id, name, removed, changed_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", change.clientId(), change.removed() ? null : change.name(),
                    change.removed(), at);
        }
    }
}
