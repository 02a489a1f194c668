package io.vigie.regulatory.web;

import io.vigie.regulatory.obligation.Stage;

import java.time.Duration;
import java.time.Instant;

/**
 * How close a report's deadline is, in the words a SOC user scans for: "due in 3 h 10 min", "due soon", "overdue by
 * 2 h", "no deadline" (GDPR Art. 34 sets none). The state itself comes from {@link Stage#state}, the same rule the
 * clock announces, so the page never calls "due soon" what the events do not.
 *
 * @param css the badge's class: the state's name
 */
record DueBadge(String text, String css) {

    static DueBadge of(Stage.State state, Instant dueAt, Instant now) {
        return switch (state) {
            case SUBMITTED -> new DueBadge("submitted", state.name());
            case WITHDRAWN -> new DueBadge("withdrawn", state.name());
            case OVERDUE -> new DueBadge("overdue by " + span(Duration.between(dueAt, now)), state.name());
            case DUE_SOON -> new DueBadge("due soon, in " + span(Duration.between(now, dueAt)), state.name());
            case OPEN -> dueAt == null ? new DueBadge("no deadline", state.name())
                    : new DueBadge("due in " + span(Duration.between(now, dueAt)), state.name());
        };
    }

    /** Days and hours, hours and minutes, or minutes: the two largest units, zeros left out. */
    static String span(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return "less than 1 min";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return hours == 0 ? days + " d" : days + " d " + hours + " h";
        }
        if (hours > 0) {
            return mins == 0 ? hours + " h" : hours + " h " + mins + " min";
        }
        return mins + " min";
    }
}
