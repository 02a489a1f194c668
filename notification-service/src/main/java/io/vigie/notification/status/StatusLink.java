package io.vigie.notification.status;

import java.time.Instant;
import java.util.UUID;

/** One link to a client contact's status page, as stored: it works until it expires or someone revokes it. */
public record StatusLink(UUID id, String clientId, String contactId, Instant createdAt, Instant expiresAt,
                         Instant revokedAt, String revokedBy) {

    public enum State { ACTIVE, EXPIRED, REVOKED }

    public State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }
}
