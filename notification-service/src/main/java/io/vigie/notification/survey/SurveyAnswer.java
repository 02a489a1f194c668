package io.vigie.notification.survey;

import java.time.Instant;

/**
 * One contact's answer to the satisfaction survey of an incident.
 *
 * @param handlingRating      1 (very poor) to 5 (excellent): how the incident was handled
 * @param communicationRating 1 to 5: how the SOC kept the client informed
 * @param comment             the contact's own words, or null
 */
public record SurveyAnswer(int handlingRating, int communicationRating, boolean questionsAnswered, String comment,
                    Instant answeredAt) {

    /** What a communications lead should look at: a poor rating, or questions left unanswered. */
    boolean unhappy() {
        return handlingRating <= 2 || communicationRating <= 2 || !questionsAnswered;
    }
}
