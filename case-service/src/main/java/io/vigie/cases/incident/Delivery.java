package io.vigie.cases.incident;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One delivery attempt of a notice to a client's contact, as notification-service reported it.
 *
 * @param heldUntil        HELD: when the notice goes out by itself unless someone approves it earlier
 * @param answersMessageId an ANSWER notice: the client message it answers
 */
record Delivery(EventOrigin origin, UUID incidentId, Notice notice, Route route, Outcome outcome, String error,
                String respondedBy, Instant heldUntil, UUID answersMessageId) {

    /**
     * How the notice went to the contact.
     *
     * @param outOfBand sent off the email channel, because the client's email may be compromised
     * @param language  the language the contact was written to in, as its code
     */
    record Route(String channel, String recipient, String language, boolean outOfBand) {
    }

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

    /** How far an answer got by this delivery; null for an outcome that says nothing about it. */
    AnswerDelivery answerDelivery() {
        return switch (outcome) {
            case HELD -> AnswerDelivery.HELD;
            case FAILED -> AnswerDelivery.FAILED;
            case SENT -> AnswerDelivery.SENT;
            case ACKNOWLEDGED -> AnswerDelivery.ACKNOWLEDGED;
            case AGREED, DECLINED -> null;
        };
    }

    /** The language the client's contact was written to in, when it is one of Vigie's. */
    Optional<Language> contactLanguage() {
        return toRegulator() || route.language() == null ? Optional.empty() : Language.of(route.language());
    }
}
