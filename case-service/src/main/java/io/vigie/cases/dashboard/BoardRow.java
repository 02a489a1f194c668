package io.vigie.cases.dashboard;

import io.vigie.cases.incident.AwaitingReview;
import io.vigie.cases.incident.ClientNotice;
import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.regulatory.RegulatoryAttention;
import io.vigie.cases.sla.ClockState;
import io.vigie.cases.sla.SlaClock;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One case on the board, with what the board shows about it (public for the template engine).
 *
 * @param awaitingReview its notices held for a communications user's review; null when none waits
 * @param regulatory     its regulatory reports due soon or overdue; null when none is
 */
public record BoardRow(IncidentCase incident, List<SlaClock> clocks, List<ClientNotice> clients,
                       AwaitingReview awaitingReview, RegulatoryAttention regulatory) {

    public boolean breached() {
        return clocks.stream().anyMatch(clock -> clock.state().breached());
    }

    public List<SlaClock> breaches() {
        return clocks.stream().filter(clock -> clock.state().breached()).toList();
    }

    /** The answer clocks of the client messages nobody answered yet: the board marks the case while there are any. */
    public List<SlaClock> unansweredQuestions() {
        return clocks.stream().filter(SlaClock::unansweredQuestion).toList();
    }

    /** The unanswered client message whose answer is due first. */
    public Optional<SlaClock> firstAnswerDue() {
        return unansweredQuestions().stream().min(Comparator.comparing(SlaClock::deadline));
    }

    /** The running clock closest to its deadline: what the team must do next. */
    public Optional<SlaClock> next() {
        return clocks.stream()
                .filter(clock -> clock.state() == ClockState.RUNNING || clock.state() == ClockState.AT_RISK)
                .min(Comparator.comparing(SlaClock::deadline));
    }
}
