package io.vigie.cases.incident;

import java.time.Instant;

/**
 * The times of a case, each null until it happened: where the SLA clocks start and stop.
 *
 * @param detectedAt      when the source detected what it alerted on
 * @param openedAt        when the first alert was received: where every SLA clock starts
 * @param firstNotifiedAt the first client notice sent
 * @param updatedAt       the case's last change
 */
public record CaseClocks(Instant detectedAt, Instant openedAt, Instant classifiedAt, Instant firstNotifiedAt,
                         Instant firstAcknowledgedAt, Instant resolvedAt, Instant closedAt, Instant updatedAt) {

    /** The clocks once the first classification arrived, with its detection, first alert and classification times. */
    CaseClocks classified(Instant detected, Instant opened, Instant classified) {
        return new CaseClocks(detected, opened, classified, firstNotifiedAt, firstAcknowledgedAt, resolvedAt,
                closedAt, updatedAt);
    }
}
