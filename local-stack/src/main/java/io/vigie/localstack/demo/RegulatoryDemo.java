package io.vigie.localstack.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.vigie.localstack.LocalStack;
import io.vigie.localstack.LocalUsers;
import io.vigie.localstack.VigieService;
import tools.jackson.databind.JsonNode;

/**
 * What the law asks of client B after the personal-data incident, as regulatory-service tracks it. The clinic is the
 * controller of its patients' data (GDPR) and an essential entity of the health sector (NIS2), so the breach opens
 * the GDPR Art. 33 notification (72 h after awareness) and, the incident being significant, the NIS2 early warning
 * (24 h) and incident notification (72 h). A manager confirms the significance, completes the early warning's draft
 * and records it as filed with the authority's reference: its clock stops, the others keep running.
 */
final class RegulatoryDemo {

    private static final Duration STEP = Duration.ofSeconds(120);
    static final String EARLY_WARNING_REFERENCE = "NCSC-IE-EW-2026-0412";

    /** Client B's regimes: a body of {@code PUT /api/clients/client-b/regimes} on regulatory-service. */
    static final String CLIENT_B_REGIMES = """
            {"language": "en",
             "gdpr": {"contactPoint": "Paul Lewis, Data Protection Officer, dpo@client-b.example, +44 20 7946 0188",
                      "supervisoryAuthority": "Data Protection Commission (Ireland)"},
             "nis2": {"entityType": "ESSENTIAL", "authority": "NCSC-IE, the national CSIRT"}}
            """;

    private final LocalStack stack;
    private final UUID incident;
    private final Consumer<String> progress;
    private final DemoHttp http = new DemoHttp("Demo (regulatory reports)");
    private final LocalUsers.User manager;
    private final LocalUsers.User viewer;
    private final String regulatory;

    private RegulatoryDemo(LocalStack stack, UUID incident, Consumer<String> progress) {
        this.stack = stack;
        this.incident = incident;
        this.progress = progress;
        this.manager = stack.users().users().get("manager");
        this.viewer = stack.users().users().get("viewer");
        this.regulatory = stack.service(VigieService.REGULATORY).baseUrl();
    }

    /** Files the NIS2 early warning of the personal-data incident; false (said on progress) when a step failed. */
    static boolean fileEarlyWarning(LocalStack stack, UUID incident, Consumer<String> progress) {
        return new RegulatoryDemo(stack, incident, progress).fileEarlyWarning();
    }

    private boolean fileEarlyWarning() {
        try {
            JsonNode reports = Waiting.until("the GDPR and NIS2 reports of client B in regulatory-service", STEP,
                    () -> Optional.ofNullable(http.getJsonIfPresent(reports(), viewer))
                            .filter(found -> report(found, "GDPR_AUTHORITY_NOTIFICATION").isPresent()
                                    && report(found, "NIS2_EARLY_WARNING").isPresent()));
            progress.accept("    regulatory: client B is under GDPR and NIS2; GDPR Art. 33 notification due "
                    + due(reports, "GDPR_AUTHORITY_NOTIFICATION") + ", NIS2 early warning due "
                    + due(reports, "NIS2_EARLY_WARNING") + ", NIS2 incident notification due "
                    + due(reports, "NIS2_INCIDENT_NOTIFICATION"));

            String client = incident + "/clients/" + SeedData.CLIENT_B;
            http.call("POST", regulatory + "/api/incidents/" + client + "/regimes/NIS2/decision", "application/json",
                    DemoHttp.toJson(Map.of("applies", true, "reason", "Patient records of an essential health-sector"
                            + " entity read by an unauthorised account: a significant incident under NIS2 Art. 23(3).")),
                    manager);
            String draftUrl = regulatory + "/api/incidents/" + client + "/reports/NIS2_EARLY_WARNING/draft";
            Map<String, String> elements = new LinkedHashMap<>();
            // The pre-filled draft's elements (a list of key, heading, value), completed with the two the law asks for.
            for (JsonNode element : http.getJson(draftUrl, manager).path("elements")) {
                JsonNode value = element.path("value");
                elements.put(element.path("key").asString(), value.isNull() ? "" : value.asString());
            }
            elements.put("suspectedMalicious", "Yes: an account without rights to the patient records read 48,213 of"
                    + " them from an address never seen before; the access is treated as unlawful.");
            elements.put("crossBorderImpact", "None known: the clinic's patients and systems are in one Member State.");
            http.call("PUT", draftUrl, "application/json", DemoHttp.toJson(Map.of("elements", elements)), manager);
            http.call("POST", regulatory + "/api/incidents/" + client + "/reports/NIS2_EARLY_WARNING/submission",
                    "application/json", DemoHttp.toJson(Map.of("authorityReference", EARLY_WARNING_REFERENCE)),
                    manager);
            progress.accept("    regulatory: a manager confirmed the incident significant and filed the NIS2 early"
                    + " warning (" + EARLY_WARNING_REFERENCE + "); its clock stopped, the GDPR and NIS2 notifications'"
                    + " keep running");
            return true;
        } catch (RuntimeException e) {
            progress.accept("    regulatory: " + e.getMessage());
            return false;
        }
    }

    private String reports() {
        return regulatory + "/api/incidents/" + incident + "/reports";
    }

    private static Optional<JsonNode> report(JsonNode reports, String kind) {
        for (JsonNode report : reports) {
            if (SeedData.CLIENT_B.equals(report.path("clientId").asString())
                    && kind.equals(report.path("report").asString())) {
                return Optional.of(report);
            }
        }
        return Optional.empty();
    }

    private static String due(JsonNode reports, String kind) {
        return report(reports, kind).map(report -> report.path("dueAt").asString()).orElse("(not open)");
    }
}
