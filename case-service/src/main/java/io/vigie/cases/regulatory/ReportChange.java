package io.vigie.cases.regulatory;

import java.time.Instant;
import java.util.UUID;

/**
 * A RegulatoryReportChanged, as the case needs it: the report as regulatory-service now describes it (its state is
 * the case's to derive from the change) and who made the change.
 *
 * @param actor null when a clock made it
 */
record ReportChange(UUID eventId, Instant occurredAt, String producer, UUID incidentId, Change change,
                    RegulatoryReport report, String actor) {

    /** The contract's RegulatoryChange. */
    enum Change { OPENED, DEADLINE_CHANGED, DUE_SOON, OVERDUE, SUBMITTED, DECIDED, WITHDRAWN, OTHER }
}
