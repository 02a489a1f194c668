package io.vigie.cases.incident;

/** What an incident is, as the board lists it: its title and summary, how severe and urgent, and of which kind. */
public record Headline(String title, String summary, Severity severity, int priority, String category) {

    /** Whether {@code later} is more severe than this: an escalation. */
    boolean escalatedBy(Headline later) {
        return later.severity.ordinal() < severity.ordinal();
    }

    /** Raised to {@code later}'s severity, its priority never lowered; the title, summary and category stay. */
    Headline escalatedTo(Headline later) {
        return new Headline(title, summary, later.severity, Math.max(priority, later.priority), category);
    }
}
