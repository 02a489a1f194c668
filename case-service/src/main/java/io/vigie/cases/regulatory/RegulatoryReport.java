package io.vigie.cases.regulatory;

import java.time.Instant;
import java.util.List;

/**
 * One report the law asks of one client about the incident, as regulatory-service last described it: its deadline and
 * the rule that set it travel with it, so nothing here computes one.
 *
 * @param requirement which report the law asks, under which rule and to whom
 * @param submission  null until it was submitted
 * @param reason      the latest human reason given (a decision, a moved awareness time, a withdrawal, a late filing)
 */
public record RegulatoryReport(String clientId, Requirement requirement, Deadline deadline, ReportState state,
                               Submission submission, String reason, Instant updatedAt) {

    /**
     * @param report the report stage, as the contract names it (GDPR_AUTHORITY_NOTIFICATION, NIS2_EARLY_WARNING, …)
     * @param regime GDPR, NIS2, DORA or OTHER
     * @param title  what the report is, e.g. "GDPR Art. 33 notification to the supervisory authority"
     * @param rule   the rule that set the deadline, with its article
     */
    public record Requirement(String report, String regime, String title, String rule, String authority) {
    }

    /**
     * @param awareAt when the client became aware: the start of the regime's clocks
     * @param dueAt   null where the law sets no fixed deadline
     */
    public record Deadline(Instant awareAt, Instant dueAt) {

        boolean passedAt(Instant at) {
            return dueAt != null && !at.isBefore(dueAt);
        }
    }

    /**
     * @param late             filed after its deadline
     * @param elementsToFollow mandatory elements declared as following in a later phase (GDPR Art. 33(4))
     */
    public record Submission(Instant submittedAt, String submittedBy, String authorityReference, boolean late,
                             List<String> elementsToFollow) {

        public Submission {
            elementsToFollow = elementsToFollow == null ? List.of() : List.copyOf(elementsToFollow);
        }
    }

    /**
     * Its state at {@code now}: the one reported, or OVERDUE once the deadline passed unsettled, so a late or lost
     * OVERDUE change never shows a missed deadline as open.
     */
    public ReportState stateAt(Instant now) {
        if (!state.settled() && state != ReportState.OVERDUE && deadline.passedAt(now)) {
            return ReportState.OVERDUE;
        }
        return state;
    }

    /** Due soon or overdue at {@code now}: what the board marks. */
    public boolean needsAttentionAt(Instant now) {
        ReportState at = stateAt(now);
        return at == ReportState.DUE_SOON || at == ReportState.OVERDUE;
    }

    RegulatoryReport withState(ReportState newState) {
        return new RegulatoryReport(clientId, requirement, deadline, newState, submission, reason, updatedAt);
    }

    /** This description, keeping from {@code previous} what this one does not carry (a submission, a reason). */
    RegulatoryReport keeping(RegulatoryReport previous) {
        if (previous == null) {
            return this;
        }
        return new RegulatoryReport(clientId, requirement, deadline, state,
                submission != null ? submission : previous.submission, reason != null ? reason : previous.reason,
                updatedAt);
    }
}
