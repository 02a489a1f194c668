package io.vigie.regulatory.obligation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The legal deadlines, from the moments the law counts from. Pure functions, so a unit test can pin each rule. */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * @param awareAt           when the client became aware (every AWARENESS-based stage)
     * @param classifiedMajorAt DORA only: when the incident was classified as major (the manager's confirmation, or
     *                          the automatic proposal while unconfirmed)
     * @param previousSubmitted PREVIOUS_SUBMISSION stages: when the stage before was submitted
     * @return the deadline; null where the law sets none (GDPR Art. 34: without undue delay)
     */
    public static Instant due(ReportKind kind, Instant awareAt, Instant classifiedMajorAt, Instant previousSubmitted) {
        return switch (kind) {
            case GDPR_AUTHORITY_NOTIFICATION, NIS2_INCIDENT_NOTIFICATION -> awareAt.plus(Duration.ofHours(72));
            case GDPR_DATA_SUBJECTS -> null;
            case NIS2_EARLY_WARNING -> awareAt.plus(Duration.ofHours(24));
            // DORA Art. 19(4)(a) with the implementing standards: 4 hours from classification as major, and no later
            // than 24 hours from awareness, whichever comes first.
            case DORA_INITIAL_NOTIFICATION -> earliest(classifiedMajorAt.plus(Duration.ofHours(4)),
                    awareAt.plus(Duration.ofHours(24)));
            case DORA_INTERMEDIATE_REPORT -> previousSubmitted.plus(Duration.ofHours(72));
            case NIS2_FINAL_REPORT, DORA_FINAL_REPORT -> oneMonthAfter(previousSubmitted);
        };
    }

    /** A calendar month in UTC (the regulations count months, not 30 days): 31 January gives 28 or 29 February. */
    static Instant oneMonthAfter(Instant at) {
        return at.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
