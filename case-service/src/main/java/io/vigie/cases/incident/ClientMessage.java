package io.vigie.cases.incident;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * What a client's contact wrote to the SOC about the incident, and its answer once someone gave it. The text is the
 * client's own words: untrusted, shown escaped, never sent to another client.
 *
 * @param aboutNoticeId  the notice the contact asked about or replied to, when known
 * @param evidenceSha256 an email reply: the SHA-256 of the original message, which notification-service keeps
 * @param attachedBy     set when a person attached the message to the incident from notification-service's quarantine
 * @param answer         null while nobody answered it
 */
public record ClientMessage(UUID id, ClientContact from, Via via, String text, Instant receivedAt, UUID aboutNoticeId,
                            String evidenceSha256, String attachedBy, Answer answer) {

    /** How the message reached the SOC. */
    public enum Via {
        QUESTION_PAGE("Question", "via the question page"),
        EMAIL_REPLY("Reply", "by email");

        private final String kind;
        private final String label;

        Via(String kind, String label) {
            this.kind = kind;
            this.label = label;
        }

        /** "Question", "Reply". */
        public String kind() {
            return kind;
        }

        /** "question", "reply": the kind within a sentence. */
        public String noun() {
            return kind.toLowerCase(Locale.ROOT);
        }

        /** "via the question page", "by email". */
        public String label() {
            return label;
        }
    }

    /** Where the conversation about the message stands. */
    public enum State { UNANSWERED, ANSWERED, ANSWERED_BY_PHONE }

    /**
     * @param text       what the client was told, in their language; a call's summary when answered by phone
     * @param byPhone    answered in a phone call logged here, rather than in writing
     * @param delivery   a written answer: how far its ANSWER notice got, as notification-service reported it
     * @param deliveryAt when it got there
     */
    public record Answer(String text, String by, Instant at, boolean byPhone, AnswerDelivery delivery,
                         Instant deliveryAt) {
    }

    public boolean answered() {
        return answer != null;
    }

    public State state() {
        return answer == null ? State.UNANSWERED : answer.byPhone() ? State.ANSWERED_BY_PHONE : State.ANSWERED;
    }

    public QuestionTimes times() {
        return new QuestionTimes(id, receivedAt, answer == null ? null : answer.at());
    }

    /** "Question from Jane Doe (acme) via the question page": the message as the timeline and the pages name it. */
    public String describe() {
        return via.kind() + " from " + from.describe() + " " + via.label();
    }
}
