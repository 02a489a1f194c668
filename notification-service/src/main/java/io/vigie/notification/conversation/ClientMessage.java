package io.vigie.notification.conversation;

import io.vigie.notification.notice.Questions;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a client contact wrote to the SOC about an incident, and its answer once there is one.
 *
 * @param author who wrote it
 * @param origin how it reached us
 * @param answer its answer; null until there is one
 */
public record ClientMessage(UUID id, UUID incidentId, Author author, String text, Instant receivedAt, Origin origin,
                            Answer answer) {

    /** A message as received, before anyone answered it. */
    public static ClientMessage received(UUID incidentId, Author author, String text, Instant receivedAt,
                                         Origin origin) {
        return new ClientMessage(UUID.randomUUID(), incidentId, author, text, receivedAt, origin, null);
    }

    /** The message as the answers see it. */
    public Questions.Question question() {
        return new Questions.Question(id, incidentId, author.clientId(), author.contactId(), origin.via(), text,
                receivedAt, origin.externalId());
    }

    public boolean answered() {
        return answer != null;
    }

    /** The client and its contact who wrote, in the language they read. */
    public record Author(String clientId, String contactId, String contactName, String language) {
    }

    /**
     * How it reached us.
     *
     * @param via            {@code QUESTION_PAGE} or {@code EMAIL_REPLY} (the event's ClientMessageChannel)
     * @param aboutNoticeId  the notice it answers, when known
     * @param externalId     the message's id in its own system (an email's Message-ID), which makes reading it twice
     *                       harmless
     * @param evidenceSha256 the SHA-256 of the original email, kept as evidence
     * @param attachedBy     the user who attached it from the quarantine, if one did
     */
    public record Origin(String via, UUID aboutNoticeId, String externalId, String evidenceSha256, String attachedBy) {
    }

    /** @param via {@code NOTICE} when the answer was sent to the contact, {@code PHONE} when given on a call */
    public record Answer(Instant at, String by, String via, String text, UUID noticeId) {
    }
}
