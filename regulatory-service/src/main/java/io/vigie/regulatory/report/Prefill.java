package io.vigie.regulatory.report;

import io.vigie.regulatory.incident.Incident;
import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.regime.RegimeProfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A first draft from what the service knows: fixed words in the filing's language, facts from the projection. What
 * only the client can say (how many people, the likely consequences, cross-border impact) is left empty, so it shows
 * as missing rather than as a guess.
 */
final class Prefill {

    /** Categories whose nature implies a deliberate act (NIS2 Art. 23(4)(a)): a human still confirms it. */
    private static final Set<String> MALICIOUS = Set.of("ACCOUNT_COMPROMISE", "MALWARE", "DATA_BREACH", "DDOS_OUTAGE",
            "PHISHING");

    private Prefill() {
    }

    static Map<String, String> of(ReportKind kind, Incident incident, String clientId, RegimeProfile profile,
                                  List<String> classificationCriteria, Phrases words) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ReportTemplate.ElementSpec element : ReportTemplate.of(kind)) {
            values.put(element.key(), value(element.key(), incident, clientId, profile, classificationCriteria, words));
        }
        return values;
    }

    private static String value(String key, Incident incident, String clientId, RegimeProfile profile,
                                List<String> criteria, Phrases words) {
        Incident.Classification c = incident.classification();
        return switch (key) {
            case "nature" -> words.get("category." + c.category()) + ": " + c.title() + ". " + c.summary();
            case "description" -> words.get("category." + c.category()) + ": " + c.title() + ". " + c.summary() + " ("
                    + words.get("label.detectedAt") + " " + c.detectedAt() + ")";
            case "recordCategories" -> lines(incident.client(clientId).dataCategories().stream()
                    .map(category -> words.get("data." + category)).toList());
            case "contactPoint" -> profile.gdpr() == null ? null : profile.gdpr().contactPoint();
            case "measures", "mitigation" -> measures(incident, words);
            case "suspectedMalicious" -> MALICIOUS.contains(c.category()) ? words.get("answer.maliciousCategory") : null;
            case "severityAndImpact" -> words.get("severity." + c.severity()) + "\n" + words.get("severity.services")
                    + " " + String.join(", ", incident.client(clientId).services());
            case "indicatorsOfCompromise" -> lines(incident.indicators());
            case "threatOrRootCause" -> incident.response().rootCause();
            case "classificationCriteria" -> lines(criteria);
            default -> null;
        };
    }

    private static String measures(Incident incident, Phrases words) {
        List<String> all = new ArrayList<>();
        incident.response().measures().forEach(code -> all.add(words.get("measure." + code)));
        all.addAll(incident.response().actions());
        if (incident.response().resolutionSummary() != null) {
            all.add(incident.response().resolutionSummary());
        }
        return lines(all);
    }

    private static String lines(List<String> items) {
        return items.isEmpty() ? null : String.join("\n", items.stream().map(item -> "- " + item).toList());
    }
}
