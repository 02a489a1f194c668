package io.vigie.cases.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * When a client message was received and answered: all its answer clock needs.
 *
 * @param answeredAt null while nobody answered it
 */
public record QuestionTimes(UUID messageId, Instant receivedAt, Instant answeredAt) {
}
