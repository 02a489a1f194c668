package io.vigie.postmortem.incident;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client contact's answer to the satisfaction survey sent after closure. It arrives after the post-mortem was
 * approved (approval closes the incident, closure sends the survey), so it is kept beside the report, never in the
 * facts frozen with it. Published, inside the transaction that recorded its timeline entry, for the report to keep.
 *
 * @param handlingRating      1 (very poor) to 5 (excellent): how the incident was handled
 * @param communicationRating 1 to 5: how the SOC communicated
 * @param comment             the contact's own words, or null: shown escaped, never sent to anyone
 */
public record ClientFeedback(UUID incidentId, String clientId, String contactId, String contactName, String language,
                             int handlingRating, int communicationRating, boolean questionsAnswered, String comment,
                             Instant answeredAt) {

    private static final List<String> WORDS = List.of("very poor", "poor", "fair", "good", "excellent");

    /** The answer's identity, whatever event carried it: one per contact and incident. */
    public UUID key() {
        return UUID.nameUUIDFromBytes(("survey-answer|" + incidentId + "|" + clientId + "|" + contactId)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A rating as the report shows it: "2/5 (poor)". */
    public static String rating(int rating) {
        return rating + "/5 (" + (rating >= 1 && rating <= 5 ? WORDS.get(rating - 1) : "out of scale") + ")";
    }

    /** A low score on either aspect (2 or less), or questions left unanswered: the communications lead follows it up. */
    public boolean needsFollowUp() {
        return handlingRating <= 2 || communicationRating <= 2 || !questionsAnswered;
    }

    /** What went wrong, in a few words: "handling rated 2/5 (poor); questions left unanswered". */
    public String concerns() {
        StringBuilder text = new StringBuilder();
        if (handlingRating <= 2) {
            text.append("handling rated ").append(rating(handlingRating));
        }
        if (communicationRating <= 2) {
            text.append(text.isEmpty() ? "" : "; ").append("communication rated ").append(rating(communicationRating));
        }
        if (!questionsAnswered) {
            text.append(text.isEmpty() ? "" : "; ").append("questions left unanswered");
        }
        return text.toString();
    }

    public String handling() {
        return rating(handlingRating);
    }

    public String communication() {
        return rating(communicationRating);
    }

    public String who() {
        return contactName + " (" + clientId + ")";
    }
}
