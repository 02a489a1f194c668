package io.vigie.notification.notice;

import io.vigie.notification.directory.Channel;

import java.time.Instant;

/**
 * One outcome to report as ClientNotified: a delivery attempt that was sent or failed, a contact's answer, or a
 * delivery held for review.
 *
 * @param to          who was reached, and how
 * @param message     what was sent ({@link Message#NONE} when nothing is known of it)
 * @param respondedBy who answered, for an acknowledgement or an agreement
 */
public record DeliveryOutcome(Notice notice, Recipient to, Kind kind, Message message, int attempt, String error,
                              String respondedBy, Instant at) {

    public DeliveryOutcome {
        message = message == null ? Message.NONE : message;
    }

    /** A contact answered the notice (acknowledged, agreed or declined): one attempt, no error. */
    public static DeliveryOutcome answered(Notice notice, Recipient to, Kind kind, Message message,
                                           String respondedBy, Instant at) {
        return new DeliveryOutcome(notice, to, kind, message, 1, null, respondedBy, at);
    }

    /** A delivery the client's review gate holds: nothing rendered nor attempted yet. */
    public static DeliveryOutcome held(Notice notice, Recipient to, String language, Instant at) {
        return new DeliveryOutcome(notice, to, Kind.HELD, new Message(null, language, null), 0, null, null, at);
    }

    /** HELD: waiting for a communications user's review (the client's review gate), not sent yet. */
    public enum Kind { SENT, FAILED, ACKNOWLEDGED, AGREED, DECLINED, HELD }

    /** @param address the address as entered; masked when published */
    public record Recipient(String contactId, Channel channel, String address) {
    }

    /** The message as rendered: its template, its language and its subject. */
    public record Message(String templateId, String language, String subject) {

        public static final Message NONE = new Message(null, null, null);
    }
}
