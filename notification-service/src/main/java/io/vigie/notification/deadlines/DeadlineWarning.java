package io.vigie.notification.deadlines;

import java.time.Instant;
import java.util.UUID;

/**
 * A regulatory report that came due or went overdue, as regulatory-service announced it. Every time and rule is
 * regulatory-service's: nothing here is computed again.
 *
 * @param eventId   the announcement's id: one warning per announcement, whatever Kafka redelivers
 * @param dueAt     the deadline; null where the law sets none (GDPR Art. 34: without undue delay)
 * @param authority the authority the report goes to; null when regulatory-service does not name one yet
 */
record DeadlineWarning(UUID eventId, Kind kind, UUID incidentId, String clientId, String title, String rule,
                       Instant dueAt, String authority) {

    enum Kind { DUE_SOON, OVERDUE }
}
