package io.vigie.cases.regulatory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a regulatory report's change reads on the case's timeline: for the SOC, in English, as every entry. */
final class RegulatoryWording {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private RegulatoryWording() {
    }

    /**
     * "GDPR Art. 33 notification to the supervisory authority (client-b): due 9 Dec 14:00 UTC — GDPR Art. 33(1): 72
     * hours after awareness", then what the change adds (who, the reason, the submission's reference).
     */
    static String timelineEntry(ReportChange change, RegulatoryReport report) {
        StringBuilder text = new StringBuilder(report.requirement().title()).append(" (").append(report.clientId())
                .append("): ");
        Instant due = report.deadline().dueAt();
        switch (change.change()) {
            case OPENED -> text.append(due == null ? "no fixed deadline" : "due " + time(due)).append(rule(report))
                    .append(report.requirement().authority() == null ? "" : "; to " + report.requirement().authority());
            case DEADLINE_CHANGED -> text.append(due == null ? "deadline removed" : "deadline moved to " + time(due))
                    .append(rule(report)).append(byWithReason(change));
            case DUE_SOON -> text.append("due soon, at ").append(time(due)).append(rule(report));
            case OVERDUE -> text.append("overdue: was due ").append(time(due)).append(", nothing submitted")
                    .append(rule(report));
            case SUBMITTED -> text.append(submitted(report));
            case DECIDED -> text.append("decided").append(byWithReason(change)).append("; ")
                    .append(report.state().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(due == null ? "" : ", due " + time(due));
            case WITHDRAWN -> text.append("withdrawn").append(byWithReason(change));
            case OTHER -> text.append("changed; ").append(report.state().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' '));
        }
        return text.toString();
    }

    private static String submitted(RegulatoryReport report) {
        RegulatoryReport.Submission s = report.submission();
        if (s == null) {
            return "submitted";
        }
        StringBuilder text = new StringBuilder("submitted ").append(time(s.submittedAt()));
        if (s.submittedBy() != null) {
            text.append(" by ").append(s.submittedBy());
        }
        if (report.requirement().authority() != null) {
            text.append(" to ").append(report.requirement().authority());
        }
        if (s.authorityReference() != null) {
            text.append(", reference ").append(s.authorityReference());
        }
        if (s.late()) {
            text.append(", late").append(report.reason() == null ? "" : ": " + report.reason());
        }
        if (!s.elementsToFollow().isEmpty()) {
            text.append("; to follow: ").append(String.join(", ", s.elementsToFollow()));
        }
        return text.toString();
    }

    private static String rule(RegulatoryReport report) {
        return " — " + report.requirement().rule();
    }

    /** " by marie: the reason", or less when the change names no one or gives no reason. */
    private static String byWithReason(ReportChange change) {
        return (change.actor() == null ? "" : " by " + change.actor())
                + (change.report().reason() == null ? "" : ": " + change.report().reason());
    }

    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }
}
