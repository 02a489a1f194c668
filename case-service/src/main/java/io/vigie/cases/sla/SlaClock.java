package io.vigie.cases.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One clock of a case.
 *
 * @param end       when the step happened, null when it has not
 * @param elapsed   from start to the step, or to now while it runs (to the resolution once resolved)
 * @param remaining until the deadline, negative once past it
 * @param messageId an {@link ClockKind#ANSWER} clock: the client message it waits to see answered; null for the others
 */
public record SlaClock(ClockKind kind, Instant start, Instant end, Duration target, Instant deadline,
                       ClockState state, Duration elapsed, Duration remaining, UUID messageId) {

    /** An answer clock still waiting: its question is unanswered. */
    public boolean unansweredQuestion() {
        return kind == ClockKind.ANSWER && end == null;
    }
}
