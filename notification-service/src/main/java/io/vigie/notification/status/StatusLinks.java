package io.vigie.notification.status;

import io.vigie.notification.ack.AckLinks;
import io.vigie.notification.status.internal.StatusLinkRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private final StatusLinkRows rows;
    private final AckLinks links;
    private final StatusProperties properties;
    private final Clock clock;

    StatusLinks(StatusLinkRows rows, AckLinks links, StatusProperties properties, Clock clock) {
        this.rows = rows;
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
        if (!rows.lockContact(clientId, contactId)) {
            return null;
        }
        Instant now = clock.instant();
        StatusLink link = rows.activeAfter(clientId, contactId, now.plus(properties.linkValidity().dividedBy(2)))
                .orElseGet(() -> issue(clientId, contactId, now.plus(properties.linkValidity())));
        return url(link);
    }

    /** A new link, valid until {@code expiresAt}. */
    StatusLink issue(String clientId, String contactId, Instant expiresAt) {
        StatusLink link = new StatusLink(UUID.randomUUID(), clientId, contactId, clock.instant(), expiresAt, null,
                null);
        rows.insert(link);
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
        return rows.find(id);
    }

    /** A client's links, the newest first. */
    List<StatusLink> of(String clientId) {
        return rows.of(clientId);
    }

    /** Revokes one link; false when it was already revoked (the first revocation is kept). */
    @Transactional
    boolean revoke(UUID id, String by) {
        return rows.revoke(id, by, clock.instant());
    }

    /** Revokes every link of the client that still works; returns how many. */
    @Transactional
    int revokeAll(String clientId, String by) {
        return rows.revokeAll(clientId, by, clock.instant());
    }
}
