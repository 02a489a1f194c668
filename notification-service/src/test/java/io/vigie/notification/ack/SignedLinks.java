package io.vigie.notification.ack;

import java.time.Instant;
import java.util.UUID;

/** Signs a link as the service does, with any expiry: for the tests of the pages such links open. */
public final class SignedLinks {

    private SignedLinks() {
    }

    public static String token(AckLinks links, String purpose, UUID noticeId, String contactId, Instant expiresAt) {
        return links.token(purpose, noticeId, contactId, expiresAt);
    }
}
