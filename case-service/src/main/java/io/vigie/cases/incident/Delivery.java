package io.vigie.cases.incident;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One delivery attempt of a notice to a client's contact, as notification-service reported it.
 *
 * @param heldUntil HELD: when the notice goes out by itself unless someone approves it earlier
 */
record Delivery(UUID eventId, Instant occurredAt, String producer, UUID incidentId, Notice notice, String channel,
                Outcome outcome, boolean outOfBand, String recipient, String error, String respondedBy,
                String language, Instant heldUntil) {

    /** HELD: the notice waits for a communications user's review; nothing was sent. */
    enum Outcome { SENT, FAILED, ACKNOWLEDGED, AGREED, DECLINED, HELD }

    String clientId() {
        return notice.clientId();
    }

    String stage() {
        return notice.stage();
    }

    boolean toRegulator() {
        return "REGULATOR".equals(stage());
    }

    /** The language the client's contact was written to in, when it is one of Vigie's. */
    Optional<Language> contactLanguage() {
        return toRegulator() || language == null ? Optional.empty() : Language.of(language);
    }
}
