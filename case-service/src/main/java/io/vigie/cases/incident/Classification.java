package io.vigie.cases.incident;

import java.util.List;
import java.util.UUID;

/**
 * Triage's decision about one alert, as the case needs it: the facts (what the incident is, where the alert was
 * seen, what it touches, which clients it names) apart from the rationale (whether to notify, and the rules that said
 * so).
 *
 * @param clients          the incident's affected clients so far: triage's events carry the merged list
 * @param suggestedClients clients the alert names that neither the inventory nor the source's bindings vouch for
 */
public record Classification(EventOrigin origin, UUID incidentId, UUID alertId, Change change, Headline headline,
                             Detection alert, Scope scope, List<String> clients, List<Suggestion> suggestedClients,
                             Rationale rationale) {

    public enum Change { OPENED, ESCALATED, ATTACHED }

    /** A client the alert names that neither the inventory nor the source's bindings vouch for. */
    public record Suggestion(String clientId, List<String> assets, List<String> services) {
    }

    /**
     * Why triage decided as it did.
     *
     * @param rulesFired each rule that fired, "rule-id: effect"
     */
    public record Rationale(boolean notifyClients, List<String> rulesFired) {
    }
}
