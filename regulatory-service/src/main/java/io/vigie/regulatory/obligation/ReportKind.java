package io.vigie.regulatory.obligation;

import io.vigie.regulatory.regime.Regime;

/**
 * Every report the law asks, with the rule that sets its deadline. The names are those of the event contract's
 * {@code RegulatoryReport}. Deadlines themselves are computed in {@link Deadlines}.
 */
public enum ReportKind {

    /** GDPR Art. 33(1): the controller notifies its supervisory authority within 72 hours of becoming aware. */
    GDPR_AUTHORITY_NOTIFICATION(Regime.GDPR, Basis.AWARENESS,
            "GDPR Art. 33 notification to the supervisory authority",
            "GDPR Art. 33(1): 72 hours after awareness (later only with the reasons for the delay)"),
    /** GDPR Art. 34(1): when the breach is likely to result in a high risk; no fixed deadline. */
    GDPR_DATA_SUBJECTS(Regime.GDPR, Basis.DECISION,
            "GDPR Art. 34 communication to the data subjects",
            "GDPR Art. 34(1): without undue delay, no fixed deadline"),
    /** NIS2 Art. 23(4)(a). */
    NIS2_EARLY_WARNING(Regime.NIS2, Basis.AWARENESS,
            "NIS2 early warning to the CSIRT or competent authority",
            "NIS2 Art. 23(4)(a): 24 hours after awareness of the significant incident"),
    /** NIS2 Art. 23(4)(b). */
    NIS2_INCIDENT_NOTIFICATION(Regime.NIS2, Basis.AWARENESS,
            "NIS2 incident notification",
            "NIS2 Art. 23(4)(b): 72 hours after awareness of the significant incident"),
    /** NIS2 Art. 23(4)(d) (a progress report instead, Art. 23(4)(e), while the incident is ongoing). */
    NIS2_FINAL_REPORT(Regime.NIS2, Basis.PREVIOUS_SUBMISSION,
            "NIS2 final report",
            "NIS2 Art. 23(4)(d): one month after the incident notification"),
    /** DORA Art. 19(4)(a) and its implementing standards. */
    DORA_INITIAL_NOTIFICATION(Regime.DORA, Basis.AWARENESS,
            "DORA initial notification of a major ICT-related incident",
            "DORA Art. 19(4)(a): 4 hours after classification as major, at the latest 24 hours after awareness"),
    /** DORA Art. 19(4)(b). */
    DORA_INTERMEDIATE_REPORT(Regime.DORA, Basis.PREVIOUS_SUBMISSION,
            "DORA intermediate report",
            "DORA Art. 19(4)(b): 72 hours after the initial notification"),
    /** DORA Art. 19(4)(c). */
    DORA_FINAL_REPORT(Regime.DORA, Basis.PREVIOUS_SUBMISSION,
            "DORA final report",
            "DORA Art. 19(4)(c): one month after the latest intermediate report");

    /** What starts the stage's clock. */
    public enum Basis {
        /** The client's awareness of the incident: moving it moves the deadline. */
        AWARENESS,
        /** The submission of the stage before it. */
        PREVIOUS_SUBMISSION,
        /** A human decision; the law sets no deadline. */
        DECISION
    }

    private final Regime regime;
    private final Basis basis;
    private final String title;
    private final String rule;

    ReportKind(Regime regime, Basis basis, String title, String rule) {
        this.regime = regime;
        this.basis = basis;
        this.title = title;
        this.rule = rule;
    }

    public Regime regime() {
        return regime;
    }

    public Basis basis() {
        return basis;
    }

    /** For the SOC's screens and the events (the filing itself is worded in the authority's language). */
    public String title() {
        return title;
    }

    public String rule() {
        return rule;
    }

    /**
     * Whether mandatory elements may be declared to follow in a later phase of this same report: GDPR Art. 33(4) only;
     * NIS2 and DORA phase through their successive reports instead.
     */
    public boolean phasedReporting() {
        return this == GDPR_AUTHORITY_NOTIFICATION;
    }

    /** The stage its submission opens, or null. */
    public ReportKind next() {
        return switch (this) {
            case NIS2_INCIDENT_NOTIFICATION -> NIS2_FINAL_REPORT;
            case DORA_INITIAL_NOTIFICATION -> DORA_INTERMEDIATE_REPORT;
            case DORA_INTERMEDIATE_REPORT -> DORA_FINAL_REPORT;
            default -> null;
        };
    }
}
