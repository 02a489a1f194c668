package io.vigie.notification.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a client contact wrote to the SOC about an incident, and its answer once there is one.
 *
 * @param via         how it reached us: {@code QUESTION_PAGE} or {@code EMAIL_REPLY} (the event's ClientMessageChannel)
 * @param externalId  the message's id in its own system (an email's Message-ID), which makes reading it twice harmless
 * @param answeredVia {@code NOTICE} when the answer was sent to the contact, {@code PHONE} when given on a call
 */
public record ClientMessage(UUID id, UUID incidentId, String clientId, String contactId, String contactName,
                            String language, String via, String text, Instant receivedAt, UUID aboutNoticeId,
                            String externalId, String evidenceSha256, String attachedBy, Instant answeredAt,
                            String answeredBy, String answeredVia, String answerText, UUID answerNoticeId) {

    public boolean answered() {
        return answeredAt != null;
    }

    /** A message as received, before anyone answered it. */
    public static ClientMessage received(UUID incidentId, String clientId, String contactId, String contactName,
                                         String language, String via, String text, Instant receivedAt,
                                         UUID aboutNoticeId, String externalId, String evidenceSha256,
                                         String attachedBy) {
        return new ClientMessage(UUID.randomUUID(), incidentId, clientId, contactId, contactName, language, via, text,
                receivedAt, aboutNoticeId, externalId, evidenceSha256, attachedBy, null, null, null, null, null);
    }
}
