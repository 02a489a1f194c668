package io.vigie.cases.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Triage's decision about one alert, as the case needs it. */
record Classification(UUID eventId, Instant occurredAt, String producer, UUID incidentId, UUID alertId,
                      Change change, String title, String summary, Severity severity, Severity previousSeverity,
                      int priority, String category, String source, String sourceReference, Instant detectedAt,
                      Instant alertReceivedAt, List<String> clients, List<String> assets, List<String> services,
                      List<String> dataCategories, boolean notifyClients, boolean personalData,
                      String impact, List<String> rulesFired,
                      List<Suggestion> suggestedClients) {

    enum Change { OPENED, ESCALATED, ATTACHED }

    /** A client the alert names that neither the inventory nor the source's bindings vouch for. */
    record Suggestion(String clientId, List<String> assets, List<String> services) {
    }
}
