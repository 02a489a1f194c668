package io.vigie.notification.status;

import io.vigie.notification.ack.AckLinks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The links to the contacts' status pages. A link is signed like the acknowledgement links (purpose {@code status},
 * so no other link opens the page) and names a stored row, which is what makes it revocable: the signature proves the
 * link was ours, the row says whether it still works and for which client.
 */
@Service
public class StatusLinks {

    private static final RowMapper<StatusLink> ROW = (rs, n) -> new StatusLink(rs.getObject("id", UUID.class),
            rs.getString("client_id"), rs.getString("contact_id"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("revoked_at")),
            rs.getString("revoked_by"));

    private final JdbcTemplate jdbc;
    private final AckLinks links;
    private final StatusProperties properties;
    private final Clock clock;

    StatusLinks(JdbcTemplate jdbc, AckLinks links, StatusProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The status page link a notice gives this contact: its active link while at least half of its validity is left,
     * else a new one. The contact's row is locked meanwhile, so two channels rendering at once share one link.
     *
     * @return null when the contact is not in the directory (any more)
     */
    @Transactional
    public String urlFor(String clientId, String contactId) {
        if (jdbc.queryForList("SELECT id FROM contact WHERE client_id = ? AND id = ? FOR UPDATE", String.class,
                clientId, contactId).isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        StatusLink link = jdbc.query("SELECT * FROM status_link WHERE client_id = ? AND contact_id = ? "
                                + "AND revoked_at IS NULL AND expires_at > ? ORDER BY expires_at DESC LIMIT 1", ROW,
                        clientId, contactId, Timestamp.from(now.plus(properties.linkValidity().dividedBy(2))))
                .stream().findFirst()
                .orElseGet(() -> issue(clientId, contactId, now.plus(properties.linkValidity())));
        return url(link);
    }

    /** A new link, valid until {@code expiresAt}. */
    StatusLink issue(String clientId, String contactId, Instant expiresAt) {
        StatusLink link = new StatusLink(UUID.randomUUID(), clientId, contactId, clock.instant(), expiresAt, null,
                null);
        jdbc.update("INSERT INTO status_link (id, client_id, contact_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                link.id(), clientId, contactId, Timestamp.from(link.createdAt()), Timestamp.from(expiresAt));
        return link;
    }

    String url(StatusLink link) {
        return links.statusUrl(link.id(), link.contactId(), link.expiresAt());
    }

    /**
     * The stored link a token names, whatever its state (the caller shows an expired or revoked one as such); empty
     * when the token is not one of our status links (altered, cut, signed for another purpose, unknown).
     */
    Optional<StatusLink> open(String token) {
        AckLinks.Verification verified = links.verify(AckLinks.STATUS, token);
        if (verified.status() == AckLinks.Status.INVALID) {
            return Optional.empty();
        }
        return find(verified.noticeId()).filter(link -> link.contactId().equals(verified.contactId()));
    }

    Optional<StatusLink> find(UUID id) {
        return jdbc.query("SELECT * FROM status_link WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** A client's links, the newest first. */
    List<StatusLink> of(String clientId) {
        return jdbc.query("SELECT * FROM status_link WHERE client_id = ? ORDER BY created_at DESC, id", ROW, clientId);
    }

    /** Revokes one link; false when it was already revoked (the first revocation is kept). */
    @Transactional
    boolean revoke(UUID id, String by) {
        return jdbc.update("UPDATE status_link SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), by, id) == 1;
    }

    /** Revokes every link of the client that still works; returns how many. */
    @Transactional
    int revokeAll(String clientId, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("UPDATE status_link SET revoked_at = ?, revoked_by = ? WHERE client_id = ? "
                + "AND revoked_at IS NULL AND expires_at > ?", now, by, clientId, now);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
