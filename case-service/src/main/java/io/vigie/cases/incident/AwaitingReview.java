package io.vigie.cases.incident;

import java.time.Instant;

/**
 * A case's notices that wait for a communications user's review, as the board marks them.
 *
 * @param firstHeldUntil when the first of them goes out by itself; null when none has a time
 */
public record AwaitingReview(int notices, Instant firstHeldUntil) {
}
