package io.vigie.notification.status.internal;

import io.vigie.notification.status.StatusLink;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rows of {@code status_link}, for {@code StatusLinks}, in its transactions. */
@Repository
public class StatusLinkRows {

    private static final RowMapper<StatusLink> ROW = (rs, n) -> new StatusLink(rs.getObject("id", UUID.class),
            rs.getString("client_id"), rs.getString("contact_id"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("revoked_at")),
            rs.getString("revoked_by"));

    private final JdbcTemplate jdbc;

    public StatusLinkRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the contact's row until the transaction ends; false when the contact is not in the directory. */
    public boolean lockContact(String clientId, String contactId) {
        return !jdbc.queryForList("SELECT id FROM contact WHERE client_id = ? AND id = ? FOR UPDATE", String.class,
                clientId, contactId).isEmpty();
    }

    /** The contact's unrevoked link that lasts the longest, if it lasts beyond {@code validAfter}. */
    public Optional<StatusLink> activeAfter(String clientId, String contactId, Instant validAfter) {
        return jdbc.query("SELECT * FROM status_link WHERE client_id = ? AND contact_id = ? "
                        + "AND revoked_at IS NULL AND expires_at > ? ORDER BY expires_at DESC LIMIT 1", ROW,
                clientId, contactId, Timestamp.from(validAfter)).stream().findFirst();
    }

    public void insert(StatusLink link) {
        jdbc.update("INSERT INTO status_link (id, client_id, contact_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                link.id(), link.clientId(), link.contactId(), Timestamp.from(link.createdAt()),
                Timestamp.from(link.expiresAt()));
    }

    public Optional<StatusLink> find(UUID id) {
        return jdbc.query("SELECT * FROM status_link WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** A client's links, the newest first. */
    public List<StatusLink> of(String clientId) {
        return jdbc.query("SELECT * FROM status_link WHERE client_id = ? ORDER BY created_at DESC, id", ROW, clientId);
    }

    /** Revokes one link; false when it was already revoked (the first revocation is kept). */
    public boolean revoke(UUID id, String by, Instant at) {
        return jdbc.update("UPDATE status_link SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(at), by, id) == 1;
    }

    /** Revokes every link of the client that still works at {@code at}; returns how many. */
    public int revokeAll(String clientId, String by, Instant at) {
        Timestamp now = Timestamp.from(at);
        return jdbc.update("UPDATE status_link SET revoked_at = ?, revoked_by = ? WHERE client_id = ? "
                + "AND revoked_at IS NULL AND expires_at > ?", now, by, clientId, now);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
