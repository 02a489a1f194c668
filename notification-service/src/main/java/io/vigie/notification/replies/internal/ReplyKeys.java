package io.vigie.notification.replies.internal;

import io.vigie.notification.replies.ReplyAddresses.Target;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The table {@code reply_key}: each Reply-To key handed out, with what it was made for. */
@Repository
public class ReplyKeys {

    private final JdbcTemplate jdbc;

    public ReplyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the key, once: a key stored before keeps its first row. */
    public void store(String key, UUID incidentId, String clientId, String contactId, Instant at) {
        jdbc.update("INSERT INTO reply_key (reply_key, incident_id, client_id, contact_id, created_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                key, incidentId, clientId, contactId, Timestamp.from(at));
    }

    public Optional<Target> find(String key) {
        return jdbc.query("SELECT incident_id, client_id, contact_id FROM reply_key WHERE reply_key = ?",
                (rs, n) -> new Target(rs.getObject("incident_id", UUID.class), rs.getString("client_id"),
                        rs.getString("contact_id")), key).stream().findFirst();
    }
}
