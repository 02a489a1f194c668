package io.vigie.cases.dashboard;

import io.vigie.cases.regulatory.RegulatoryAttention;
import io.vigie.cases.regulatory.RegulatoryReport;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write times and durations; the templates call it as {@code @fmt} (public for them). */
@Component("fmt")
public class Format {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "—" : UTC.format(instant);
    }

    /** "1 h 05 min", "12 min", "45 s"; negative durations read as "… late". */
    public String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        boolean late = duration.isNegative();
        Duration d = duration.abs();
        String text;
        if (d.toDays() >= 2) {
            text = d.toDays() + " d " + d.toHoursPart() + " h";
        } else if (d.toHours() >= 1) {
            text = d.toHours() + " h " + String.format("%02d", d.toMinutesPart()) + " min";
        } else if (d.toMinutes() >= 1) {
            text = d.toMinutes() + " min";
        } else {
            text = d.toSeconds() + " s";
        }
        return late ? text + " late" : text;
    }

    /** "in 12 min at 14:05 UTC": when something due at {@code at} happens, seen at {@code now}. */
    public String countdown(Instant now, Instant at) {
        return "in " + left(now, at) + " at " + clockTime(now, at);
    }

    /**
     * "12 min", "1 h 05 min", "less than a minute": the time left until {@code at}, rounded up to the minute (with 11
     * min 40 s left, it goes out "in 12 min"). The case page's script counts down the same way (case.js).
     */
    public String left(Instant now, Instant at) {
        long seconds = Duration.between(now, at).getSeconds();
        if (seconds < 60) {
            return "less than a minute";
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + String.format("%02d", minutes % 60) + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }

    /** "14:05 UTC" on the same UTC day as {@code now}, "2026-03-04 14:05 UTC" on another. */
    public String clockTime(Instant now, Instant at) {
        boolean sameDay = now.atOffset(ZoneOffset.UTC).toLocalDate().equals(at.atOffset(ZoneOffset.UTC).toLocalDate());
        return (sameDay ? HOUR : DAY_AND_HOUR).format(at);
    }

    /**
     * Where a regulatory report stands at {@code now}: "due in 3 h 00 min at 14:00 UTC", "overdue: was due 14:00 UTC,
     * 2 h 05 min late", "submitted 2026-12-09 11:00:00 UTC by dpo, reference CNIL-2026-1234 (late)", "withdrawn: …".
     */
    public String regulatoryStatus(Instant now, RegulatoryReport report) {
        Instant due = report.deadline().dueAt();
        RegulatoryReport.Submission submission = report.submission();
        return switch (report.stateAt(now)) {
            case OPEN, DUE_SOON -> due == null ? "no fixed deadline" : "due " + countdown(now, due);
            case OVERDUE -> due == null ? "overdue"
                    : "overdue: was due " + clockTime(now, due) + ", " + duration(Duration.between(now, due));
            case SUBMITTED -> "submitted" + (submission == null ? "" : " " + time(submission.submittedAt())
                    + (submission.submittedBy() == null ? "" : " by " + submission.submittedBy())
                    + (submission.authorityReference() == null ? "" : ", reference " + submission.authorityReference())
                    + (submission.late() ? " (late)" : ""));
            case WITHDRAWN -> "withdrawn" + (report.reason() == null ? "" : ": " + report.reason());
        };
    }

    /** "1 regulatory report overdue: GDPR Art. 33 … (acme), overdue: was due …", for a case on the board. */
    public String regulatoryAttention(Instant now, RegulatoryAttention attention) {
        String counts = attention.overdue() == 0 ? reports(attention.dueSoon()) + " due soon"
                : reports(attention.overdue()) + " overdue"
                + (attention.dueSoon() == 0 ? "" : ", " + attention.dueSoon() + " due soon");
        RegulatoryReport first = attention.first();
        return counts + ": " + first.requirement().title() + " (" + first.clientId() + "), "
                + regulatoryStatus(now, first);
    }

    private static String reports(int count) {
        return count == 1 ? "1 regulatory report" : count + " regulatory reports";
    }

    public String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
    }
}
