package io.vigie.notification.notice;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a client asked, as the answers need it. The conversation feature keeps the messages and implements this, so
 * notices depend on no conversation class (the conversation depends on notices, not the other way round).
 */
public interface Questions {

    Optional<Question> question(UUID messageId);

    /**
     * Records the answer; the first answer wins.
     *
     * @param via {@code NOTICE} or {@code PHONE}
     * @return whether this call recorded it
     */
    boolean answered(UUID messageId, String answeredBy, Instant answeredAt, String via, String answerText,
                     UUID answerNoticeId);

    /**
     * A client's message waiting for its answer.
     *
     * @param via        how it reached us: {@code QUESTION_PAGE} or {@code EMAIL_REPLY}
     * @param externalId the message's id in its own system (an email's Message-ID)
     */
    record Question(UUID id, UUID incidentId, String clientId, String contactId, String via, String text,
                    Instant receivedAt, String externalId) {
    }
}
