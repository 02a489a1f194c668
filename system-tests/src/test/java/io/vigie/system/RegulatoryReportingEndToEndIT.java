package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.events.RegulatoryReportChanged;
import io.vigie.events.Topics;
import io.vigie.localstack.LocalStack;
import io.vigie.localstack.VigieService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reports the law asks of a SOC's clients, driven through the real services: a Wazuh alert about a clinic's
 * patient database, tagged by Wazuh itself as a GDPR matter, opens the clinic's GDPR and NIS2 reports in
 * regulatory-service, which case-service shows on the case; each report is filed and its clock stops, the next one
 * starts. A bank under DORA gets its initial notification 4 hours after the incident is classified major, never later
 * than 24 hours after awareness; past its deadline the report is marked overdue, counted, and filed only with the
 * reason for the delay.
 */
@ExtendWith(VigieSystemExtension.class)
class RegulatoryReportingEndToEndIT {

    private static final Duration STEP = Duration.ofSeconds(90);
    private static final DateTimeFormatter WAZUH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private static VigieSystem system;

    @BeforeAll
    static void connect(VigieSystem vigie) {
        system = vigie;
    }

    @Test
    void shouldRunTheGdprAndNis2ClocksOfABreachWazuhTaggedGdprAndStopEachOnItsSubmission() throws Exception {
        // given a clinic under GDPR (controller) and NIS2 (essential entity), whose database the inventory does not
        // know as holding personal data: only the alert's own GDPR tags can say so
        VigieSystem.Client clinic = system.newClient("clinic", "pgdb-{id}.clinic.example", "HIGH", "[]");
        assertThat(system.call("PUT", VigieService.REGULATORY, "/api/clients/" + clinic.id() + "/regimes", "manager", """
                {"language": "en",
                 "gdpr": {"contactPoint": "Dr. Ana Ruiz, DPO, dpo@clinic.example", "supervisoryAuthority": "CNIL"},
                 "nis2": {"entityType": "ESSENTIAL", "authority": "ANSSI (CERT-FR)"}}""").statusCode())
                .isEqualTo(200);

        // when Wazuh reports unauthorised reads of the patient records, with its rule's GDPR references
        HttpResponse<String> accepted = system.postWazuh(wazuhAlert(clinic.asset(), clinic.id(),
                Instant.now().minus(Duration.ofMinutes(2))));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        // then triage says personal data is involved, from the tags alone
        JsonNode found = await().atMost(STEP).until(() -> system.casesOf(clinic), cases -> cases != null);
        String incidentId = found.get(0).get("id").asText();
        JsonNode theCase = system.get(VigieService.CASE, "/api/cases/" + incidentId);
        JsonNode incident = theCase.has("incident") ? theCase.get("incident") : theCase;
        assertThat(incident.get("personalData").asBoolean()).as(incident.toString()).isTrue();

        // and regulatory-service runs the GDPR Art. 33 clock (72 h) and NIS2's early warning (24 h) and incident
        // notification (72 h), all from the clinic's awareness
        JsonNode reports = awaitReports(incidentId, clinic.id(), 3);
        Instant awareAt = awareAt(incidentId, "GDPR_AUTHORITY_NOTIFICATION");
        assertThat(due(reports, "GDPR_AUTHORITY_NOTIFICATION")).isEqualTo(awareAt.plus(Duration.ofHours(72)));
        assertThat(due(reports, "NIS2_EARLY_WARNING")).isEqualTo(awareAt.plus(Duration.ofHours(24)));
        assertThat(due(reports, "NIS2_INCIDENT_NOTIFICATION")).isEqualTo(awareAt.plus(Duration.ofHours(72)));
        assertThat(report(reports, "GDPR_AUTHORITY_NOTIFICATION").get("authority").asText()).isEqualTo("CNIL");

        // and an Art. 33 notification with mandatory elements still empty is refused, naming each of them
        String gdpr = "/api/incidents/" + incidentId + "/clients/" + clinic.id() + "/reports/GDPR_AUTHORITY_NOTIFICATION";
        HttpResponse<String> incomplete = system.call("POST", VigieService.REGULATORY, gdpr + "/submission", "manager",
                "{\"authorityReference\": \"CNIL-2026-118\"}");
        assertThat(incomplete.statusCode()).as(incomplete.body()).isEqualTo(422);
        assertThat(incomplete.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        List<String> missing = missingElements(system.get(VigieService.REGULATORY, gdpr + "/draft"));
        assertThat(missing).isNotEmpty();
        assertThat(incomplete.body()).contains(missing);
        assertThat(report(awaitReports(incidentId, clinic.id(), 3), "GDPR_AUTHORITY_NOTIFICATION")
                .get("state").asText()).isEqualTo("OPEN");

        // and filed in phases (Art. 33(4)), declaring what follows, it is accepted and its clock stops
        HttpResponse<String> phased = system.call("POST", VigieService.REGULATORY, gdpr + "/submission", "manager",
                VigieSystem.toJson(Map.of("authorityReference", "CNIL-2026-118", "elementsToFollow", missing)));
        assertThat(phased.statusCode()).as(phased.body()).isEqualTo(200);
        assertThat(report(awaitReports(incidentId, clinic.id(), 3), "GDPR_AUTHORITY_NOTIFICATION")
                .get("state").asText()).isEqualTo("SUBMITTED");
        RegulatoryReportChanged submitted = await().atMost(STEP).until(
                () -> event(incidentId, "GDPR_AUTHORITY_NOTIFICATION", "SUBMITTED"), e -> e != null);
        assertThat(submitted.getAuthorityReference()).isEqualTo("CNIL-2026-118");
        assertThat(submitted.getElementsToFollow()).containsExactlyInAnyOrderElementsOf(missing);
        assertThat(submitted.getSubmittedBy()).isEqualTo("manager");

        // and the NIS2 incident notification, once filed, opens the final report a month after it
        String notification = "/api/incidents/" + incidentId + "/clients/" + clinic.id()
                + "/reports/NIS2_INCIDENT_NOTIFICATION";
        completeDraft(notification, Map.of("severityAndImpact",
                "High: patient records were read by an account without rights to them; care was not interrupted."));
        HttpResponse<String> filed = system.call("POST", VigieService.REGULATORY, notification + "/submission",
                "manager", "{\"authorityReference\": \"CERTFR-2026-ALE-0412\"}");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
        Instant filedAt = Instant.parse(VigieSystem.parse(filed.body()).at("/submission/submittedAt").asText());
        JsonNode after = awaitReports(incidentId, clinic.id(), 4);
        assertThat(report(after, "NIS2_INCIDENT_NOTIFICATION").get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(due(after, "NIS2_FINAL_REPORT")).isEqualTo(filedAt.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());
        assertThat(report(after, "NIS2_EARLY_WARNING").get("state").asText()).isIn("OPEN", "DUE_SOON");

        // and the clinic's breach register (Art. 33(5)) holds the incident, notified
        JsonNode register = system.get(VigieService.REGULATORY, "/api/clients/" + clinic.id() + "/breach-register");
        assertThat(register.toString()).contains(incidentId, "NOTIFIED");

        // and the case shows the reports as regulatory-service sent them, with the rule that set each deadline
        await().atMost(STEP).untilAsserted(() -> assertThat(
                system.get(VigieService.CASE, "/api/cases/" + incidentId).toString())
                .contains("NIS2_FINAL_REPORT", "GDPR Art. 33(1)", "CERTFR-2026-ALE-0412"));
    }

    @Test
    void shouldGiveDoraFourHoursFromClassificationCappedAt24HoursFromAwarenessThenMarkCountAndExplainItsLateness()
            throws Exception {
        // given a bank under DORA, and an incident on its core banking database
        VigieSystem.Client bank = system.newClient("bank", "core-{id}.bank.example", "CRITICAL", "[\"PERSONAL\"]");
        assertThat(system.call("PUT", VigieService.REGULATORY, "/api/clients/" + bank.id() + "/regimes", "manager",
                "{\"language\": \"fr\", \"dora\": {\"competentAuthority\": \"ACPR\"}}").statusCode()).isEqualTo(200);
        HttpResponse<String> accepted = system.postWazuh(wazuhAlert(bank.asset(), bank.id(),
                Instant.now().minus(Duration.ofMinutes(1))));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String incidentId = await().atMost(STEP).until(() -> system.casesOf(bank), cases -> cases != null)
                .get(0).get("id").asText();
        String decisions = "/api/incidents/" + incidentId + "/clients/" + bank.id();
        await().atMost(STEP).until(() -> system.get(VigieService.REGULATORY, "/api/incidents/" + incidentId
                + "/regimes") != null);

        // when a manager classifies it major (DORA Art. 18), now
        HttpResponse<String> major = system.call("POST", VigieService.REGULATORY, decisions + "/regimes/DORA/decision",
                "manager", "{\"applies\": true, \"reason\": \"Core banking unavailable to clients: major under DORA\"}");
        assertThat(major.statusCode()).as(major.body()).isIn(200, 409);

        // then the initial notification is due 4 hours after that classification
        JsonNode reports = awaitReports(incidentId, bank.id(), 1);
        Instant firstDue = due(reports, "DORA_INITIAL_NOTIFICATION");
        assertThat(firstDue).isBetween(Instant.now().plus(Duration.ofHours(3)), Instant.now().plus(Duration.ofHours(4)));

        // when the bank says it was aware 22 hours ago, the 24-hour cap comes first
        Instant aware = Instant.now().minus(Duration.ofHours(22)).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> moved = system.call("PUT", VigieService.REGULATORY, decisions + "/awareness", "manager",
                VigieSystem.toJson(Map.of("awareAt", aware.toString(),
                        "reason", "The bank's own monitoring saw the outage the evening before")));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        await().atMost(STEP).until(() -> due(awaitReports(incidentId, bank.id(), 1), "DORA_INITIAL_NOTIFICATION")
                .equals(aware.plus(Duration.ofHours(24))));

        // and when it was aware 30 hours ago, the report is past its deadline: marked overdue, once, and counted
        Instant longAgo = Instant.now().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(system.call("PUT", VigieService.REGULATORY, decisions + "/awareness", "manager",
                VigieSystem.toJson(Map.of("awareAt", longAgo.toString(), "reason", "Found in the overnight logs")))
                .statusCode()).isEqualTo(200);
        await().atMost(STEP).until(() -> event(incidentId, "DORA_INITIAL_NOTIFICATION", "OVERDUE") != null);
        assertThat(report(awaitReports(incidentId, bank.id(), 1), "DORA_INITIAL_NOTIFICATION").get("state").asText())
                .isEqualTo("OVERDUE");
        String metrics = system.getAnonymous(system.stack().service(VigieService.REGULATORY).baseUrl()
                + "/actuator/prometheus").body();
        assertThat(metrics).containsPattern(
                "vigie_regulatory_reports\\{[^}]*regime=\"DORA\"[^}]*state=\"overdue\"[^}]*} [1-9]");
        // and the SOC's managers are told by email, once, with the rule and where to file it
        await().atMost(STEP).untilAsserted(() -> assertThat(system.emailsTo(LocalStack.MANAGERS_ADDRESS,
                "Regulatory report overdue:")).filteredOn(mail -> VigieSystem.text(mail).contains(incidentId))
                .singleElement().satisfies(mail -> assertThat(VigieSystem.text(mail)).contains(
                        "DORA Art. 19(4)", "ACPR", "reason for the delay", "/regulatory/incidents/" + incidentId)));

        // and it is filed only with the reason for the delay, and recorded as late
        String initial = decisions + "/reports/DORA_INITIAL_NOTIFICATION";
        completeDraft(initial, Map.of("description", "Le système bancaire central est indisponible pour les clients.",
                "classificationCriteria", "Clients touchés, durée de l'indisponibilité"));
        HttpResponse<String> noReason = system.call("POST", VigieService.REGULATORY, initial + "/submission", "manager",
                "{\"authorityReference\": \"ACPR-INC-2026-77\"}");
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("delayReason");
        HttpResponse<String> late = system.call("POST", VigieService.REGULATORY, initial + "/submission", "manager",
                "{\"authorityReference\": \"ACPR-INC-2026-77\", \"delayReason\": \"Awareness was backdated after the"
                        + " overnight logs were read\"}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
        assertThat(VigieSystem.parse(late.body()).at("/submission/late").asBoolean()).isTrue();
        JsonNode afterLate = awaitReports(incidentId, bank.id(), 2);
        assertThat(due(afterLate, "DORA_INTERMEDIATE_REPORT")).isNotNull();
    }

    private static JsonNode awaitReports(String incidentId, String clientId, int atLeast) {
        return await().atMost(STEP).until(() -> {
            JsonNode all = system.get(VigieService.REGULATORY, "/api/incidents/" + incidentId + "/reports");
            if (all == null) {
                return null;
            }
            List<JsonNode> mine = new ArrayList<>();
            all.forEach(report -> {
                if (clientId.equals(report.get("clientId").asText())) {
                    mine.add(report);
                }
            });
            return mine.size() >= atLeast ? VigieSystem.parse(VigieSystem.toJson(mine)) : null;
        }, reports -> reports != null);
    }

    private static JsonNode report(JsonNode reports, String kind) {
        for (JsonNode report : reports) {
            if (kind.equals(report.get("report").asText())) {
                return report;
            }
        }
        throw new AssertionError("no " + kind + " in " + reports);
    }

    private static Instant due(JsonNode reports, String kind) {
        JsonNode due = report(reports, kind).get("dueAt");
        return due == null || due.isNull() ? null : Instant.parse(due.asText());
    }

    /** The awareness time the report's clock started from, as its OPENED event carries it. */
    private static Instant awareAt(String incidentId, String kind) {
        return await().atMost(STEP).until(() -> event(incidentId, kind, "OPENED"), e -> e != null).getAwareAt();
    }

    private static RegulatoryReportChanged event(String incidentId, String kind, String change) {
        return system.records(Topics.REGULATORY_REPORTS_TOPIC, RegulatoryReportChanged.class).stream()
                .map(record -> record.value())
                .filter(e -> e.getIncidentId().toString().equals(incidentId) && e.getReport().name().equals(kind)
                        && e.getChange().name().equals(change))
                .reduce((first, second) -> second).orElse(null);
    }

    private static List<String> missingElements(JsonNode draft) {
        List<String> missing = new ArrayList<>();
        draft.get("elements").forEach(element -> {
            JsonNode value = element.get("value");
            if (element.get("mandatory").asBoolean() && (value == null || value.isNull() || value.asText().isBlank())) {
                missing.add(element.get("key").asText());
            }
        });
        return missing;
    }

    /** Saves the draft with these elements filled in, the pre-filled others kept. */
    private static void completeDraft(String report, Map<String, String> values) {
        JsonNode draft = system.get(VigieService.REGULATORY, report + "/draft");
        Map<String, String> elements = new java.util.LinkedHashMap<>();
        draft.get("elements").forEach(element -> {
            JsonNode value = element.get("value");
            elements.put(element.get("key").asText(), value == null || value.isNull() ? "" : value.asText());
        });
        elements.putAll(values);
        HttpResponse<String> saved = system.call("PUT", VigieService.REGULATORY, report + "/draft", "comms",
                VigieSystem.toJson(Map.of("elements", elements)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    // A Wazuh alert as its integration posts it: a database rule of level 12, with the rule's GDPR references
    // (Wazuh's rule.gdpr) and no "gdpr" group, the agent labelled with the client.
    private static String wazuhAlert(String asset, String clientId, Instant detectedAt) {
        long epoch = detectedAt.getEpochSecond();
        return VigieSystem.toJson(Map.of(
                "timestamp", WAZUH_TIME.format(detectedAt),
                "rule", Map.of(
                        "level", 12,
                        "description", "Unauthorized access to database patient_records by account report_ro from 198.51.100.23",
                        "id", "100210",
                        "firedtimes", 1,
                        "mail", true,
                        "groups", List.of("postgresql", "database-intrusion"),
                        "gdpr", List.of("IV_32.2", "IV_33")),
                "agent", Map.of("id", "017", "name", asset, "ip", "10.40.2.15", "labels", Map.of("client", clientId)),
                "manager", Map.of("name", "wazuh-manager"),
                "id", epoch + "." + (100000 + Math.floorMod(UUID.randomUUID().hashCode(), 900000)),
                "decoder", Map.of("parent", "postgresql", "name", "postgresql"),
                "data", Map.of("srcip", "198.51.100.23", "srcuser", "report_ro", "dstuser", "postgres"),
                "location", "/var/log/postgresql/postgresql-15-main.log"));
    }
}
