package io.vigie.notification.notice;

import io.vigie.notification.directory.Channel;

import java.time.Instant;

/**
 * One outcome to report as ClientNotified: a delivery attempt that was sent or failed, a contact's answer, or a
 * delivery held for review.
 *
 * @param recipient the address as entered; masked when published
 */
public record DeliveryOutcome(Notice notice, String contactId, Channel channel, Kind kind, String recipient,
                             String templateId, String language, String subject, int attempt, String error,
                             String respondedBy, Instant at) {

    /** HELD: waiting for a communications user's review (the client's review gate), not sent yet. */
    public enum Kind { SENT, FAILED, ACKNOWLEDGED, AGREED, DECLINED, HELD }
}
