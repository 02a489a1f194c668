package io.vigie.cases.regulatory;

/**
 * Where a regulatory report stands, as regulatory-service's changes leave it. The case derives nothing but
 * {@link RegulatoryReport#stateAt}: a report past the deadline regulatory-service sent is overdue even before its
 * OVERDUE change arrives.
 */
public enum ReportState {
    /** Its clock runs: not due soon yet, or with no fixed deadline (GDPR Art. 34: without undue delay). */
    OPEN,
    /** regulatory-service's warning before the deadline. */
    DUE_SOON,
    /** The deadline passed and nothing was submitted. */
    OVERDUE,
    /** Filed with the authority: its clock stopped. */
    SUBMITTED,
    /** The regime no longer applies, with the reason. */
    WITHDRAWN;

    /** Nothing more is due for it. */
    public boolean settled() {
        return this == SUBMITTED || this == WITHDRAWN;
    }

    /** What a change makes of a report that was {@code previous} (null: the first change heard of it). */
    static ReportState after(ReportState previous, ReportChange change) {
        ReportState before = previous == null ? OPEN : previous;
        return switch (change.change()) {
            case OPENED -> OPEN;
            // Awareness or classification moved the deadline: counting again from the new one, overdue if it passed.
            case DEADLINE_CHANGED -> before.settled() ? before
                    : change.report().deadline().passedAt(change.occurredAt()) ? OVERDUE : OPEN;
            // A clock's warning cannot undo a submission or a withdrawal it crossed.
            case DUE_SOON -> before.settled() ? before : DUE_SOON;
            case OVERDUE -> before.settled() ? before : OVERDUE;
            case SUBMITTED -> SUBMITTED;
            case WITHDRAWN -> WITHDRAWN;
            // A human confirmed or overrode the trigger: the report's state is what it was. OTHER: a change this
            // version does not know (the contract's default) changes no state either.
            case DECIDED, OTHER -> before;
        };
    }
}
