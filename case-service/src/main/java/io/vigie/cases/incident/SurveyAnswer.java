package io.vigie.cases.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact's answer to the satisfaction survey sent after the incident's closure.
 *
 * @param handling          1 (very poor) to 5 (excellent): how the incident was handled
 * @param communication     1 to 5: how the SOC communicated
 * @param questionsAnswered whether all the contact's questions were answered
 * @param comment           the contact's own words, null when none
 */
public record SurveyAnswer(UUID incidentId, ClientContact contact, int handling, int communication,
                           boolean questionsAnswered, String comment, Instant answeredAt) {

    public SurveyAnswer {
        if (handling < 1 || handling > 5 || communication < 1 || communication > 5) {
            throw new IllegalArgumentException("survey ratings are 1 to 5, got handling " + handling
                    + " and communication " + communication);
        }
    }
}
