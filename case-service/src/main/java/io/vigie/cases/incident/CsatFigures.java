package io.vigie.cases.incident;

import java.util.Locale;

/**
 * The satisfaction of one client over one month, from its contacts' survey answers.
 *
 * @param month          the UTC month the answers were given in, "2026-03"
 * @param handling       the mean handling rating, 1 to 5
 * @param communication  the mean communication rating, 1 to 5
 * @param notAllAnswered how many answers said the contact's questions were not all answered
 */
public record CsatFigures(String month, String clientId, long answers, double handling, double communication,
                          long notAllAnswered) {

    /** "4.5": the mean handling rating as the dashboard writes it, whatever the browser's locale. */
    public String handlingText() {
        return String.format(Locale.ROOT, "%.1f", handling);
    }

    public String communicationText() {
        return String.format(Locale.ROOT, "%.1f", communication);
    }

    /** The share of answers saying that questions were left unanswered, in whole percent. */
    public long notAllAnsweredPercent() {
        return answers == 0 ? 0 : Math.round(100.0 * notAllAnswered / answers);
    }
}
