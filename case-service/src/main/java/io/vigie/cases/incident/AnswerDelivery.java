package io.vigie.cases.incident;

import java.util.Arrays;
import java.util.List;

/**
 * How far a written answer's ANSWER notice got, from notification-service's reports of its deliveries. It only moves
 * forward: the answer reached the contact once one delivery was sent, whatever another channel's attempt says later.
 */
public enum AnswerDelivery {
    HELD("held for review"),
    /** Its deliveries failed so far; notification-service retries them. */
    FAILED("delivery failed, being retried"),
    SENT("sent"),
    ACKNOWLEDGED("sent and acknowledged");

    private final String label;

    AnswerDelivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The states this one overrides. */
    public List<AnswerDelivery> before() {
        return Arrays.stream(values()).filter(state -> state.ordinal() < ordinal()).toList();
    }
}
