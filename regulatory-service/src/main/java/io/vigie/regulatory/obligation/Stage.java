package io.vigie.regulatory.obligation;

import io.vigie.regulatory.regime.Regime;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One report the law asks of one client about one incident, with its clock.
 *
 * @param clockStart   what the deadline counts from (awareness, or the previous stage's submission)
 * @param closedReason why it was withdrawn
 * @param submission   null until submitted
 */
public record Stage(UUID id, UUID incidentId, String clientId, ReportKind kind, Status status, Instant openedAt,
                    Instant clockStart, Instant dueAt, String closedReason, Submission submission) {

    public enum Status { OPEN, SUBMITTED, WITHDRAWN }

    /** What the API shows: the status, and for an open stage how close its deadline is. */
    public enum State { OPEN, DUE_SOON, OVERDUE, SUBMITTED, WITHDRAWN }

    /**
     * @param text the exact text sent, as rendered from the draft at submission
     * @param late submitted after the deadline; {@code delayReason} then says why (GDPR Art. 33(1))
     */
    public record Submission(Instant submittedAt, String submittedBy, String authorityReference,
                             List<String> elementsToFollow, String delayReason, boolean late, String text) {

        public Submission withText(String sent) {
            return new Submission(submittedAt, submittedBy, authorityReference, elementsToFollow, delayReason, late,
                    sent);
        }
    }

    public Regime regime() {
        return kind.regime();
    }

    public State state(Instant now, DueSoon dueSoon) {
        return switch (status) {
            case SUBMITTED -> State.SUBMITTED;
            case WITHDRAWN -> State.WITHDRAWN;
            case OPEN -> dueAt == null ? State.OPEN : !now.isBefore(dueAt) ? State.OVERDUE
                    : dueSoon.isDueSoon(clockStart, dueAt, now) ? State.DUE_SOON : State.OPEN;
        };
    }
}
