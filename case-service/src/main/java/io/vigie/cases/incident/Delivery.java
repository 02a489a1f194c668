package io.vigie.cases.incident;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One delivery attempt of a notice to a client, as notification-service reported it. */
record Delivery(UUID eventId, Instant occurredAt, String producer, UUID incidentId, String clientId, String stage,
                int sequence, String channel, Outcome outcome, boolean outOfBand, String recipient, String error,
                String respondedBy, String language) {

    enum Outcome { SENT, FAILED, ACKNOWLEDGED, AGREED, DECLINED }

    boolean toRegulator() {
        return "REGULATOR".equals(stage);
    }

    /** The language the client's contact was written to in, when it is one of Vigie's. */
    Optional<Language> contactLanguage() {
        return toRegulator() || language == null ? Optional.empty() : Language.of(language);
    }
}
