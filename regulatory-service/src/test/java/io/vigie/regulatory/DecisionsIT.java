package io.vigie.regulatory;

import io.vigie.events.AlertClassified;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.UpdateKind;
import io.vigie.events.RegulatoryReportChanged;
import io.vigie.events.Severity;
import io.vigie.events.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.vigie.regulatory.ReportClocksIT.fields;
import static io.vigie.regulatory.ReportClocksIT.only;
import static io.vigie.regulatory.ReportClocksIT.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DecisionsIT extends RegulatoryITSupport {

    static final String GDPR_ONLY = "{\"gdpr\":{\"contactPoint\":\"DPO\",\"supervisoryAuthority\":\"CNIL\"}}";

    @Test
    void shouldOpenGdprWhenAnAnalystFlagsPersonalDataThenKeepANotNotifiedDecisionInTheRegister() throws Exception {
        String client = newClient();
        profile(client, GDPR_ONLY);
        UUID incident = UUID.randomUUID();
        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, false, client));
        awaitProjected(incident);
        assertThat(awaitReports(incident, 0)).isEmpty();
        String flag = "/api/incidents/" + incident + "/personal-data";
        String body = "{\"clientId\":\"" + client + "\",\"reason\":\"The exported file holds payslips\"}";

        assertThat(call("POST", flag, VIEWER, body).statusCode()).isEqualTo(403);
        HttpResponse<String> flagged = call("POST", flag, ANALYST, body);

        assertThat(flagged.statusCode()).isEqualTo(200);
        assertThat(json.readTree(flagged.body()).get(0).get("triggeredBy").asString()).contains("analyst")
                .contains("payslips");
        awaitReports(incident, 1);

        HttpResponse<String> decided = call("POST", "/api/incidents/" + incident + "/clients/" + client
                + "/gdpr-decision", MANAGER, """
                {"notifyAuthority":false,"highRiskToDataSubjects":false,
                 "reason":"The file was encrypted and the key was not compromised: unlikely to result in a risk"}""");
        assertThat(decided.statusCode()).isEqualTo(200);

        RegulatoryReportChanged withdrawn = only(awaitEvents(incident, has("GDPR_AUTHORITY_NOTIFICATION",
                "WITHDRAWN")), "GDPR_AUTHORITY_NOTIFICATION", "WITHDRAWN");
        assertThat(withdrawn.getReason()).contains("encrypted");
        assertThat(withdrawn.getActor()).isEqualTo(MANAGER);
        assertThat(ReportClocksIT.report(awaitReports(incident, 1), client, "GDPR_AUTHORITY_NOTIFICATION")
                .get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(call("POST", "/api/incidents/" + incident + "/clients/" + client
                + "/reports/GDPR_AUTHORITY_NOTIFICATION/submission", MANAGER, "{}").statusCode()).isEqualTo(409);
        JsonNode register = json.readTree(call("GET", "/api/clients/" + client + "/breach-register", VIEWER, null)
                .body());
        assertThat(register).hasSize(1);
        assertThat(register.get(0).get("decision").asString()).isEqualTo("NOT_NOTIFIED");
        assertThat(register.get(0).get("reason").asString()).contains("encrypted");
        assertThat(register.get(0).get("decidedBy").asString()).isEqualTo(MANAGER);
    }

    @Test
    void shouldOpenTheCommunicationToDataSubjectsWithoutADeadlineWhenTheRiskIsHigh() throws Exception {
        String client = newClient();
        profile(client, GDPR_ONLY);
        UUID incident = UUID.randomUUID();
        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, true, client));
        awaitReports(incident, 1);

        HttpResponse<String> decided = call("POST", "/api/incidents/" + incident + "/clients/" + client
                + "/gdpr-decision", MANAGER, """
                {"notifyAuthority":true,"highRiskToDataSubjects":true,"reason":"Bank details in clear text"}""");

        assertThat(decided.statusCode()).isEqualTo(200);
        List<RegulatoryReportChanged> events = awaitEvents(incident, has("GDPR_DATA_SUBJECTS", "OPENED")
                .and(has("GDPR_AUTHORITY_NOTIFICATION", "DECIDED")));
        assertThat(only(events, "GDPR_DATA_SUBJECTS", "OPENED").getDueAt()).isNull();
        JsonNode toPeople = ReportClocksIT.report(awaitReports(incident, 2), client, "GDPR_DATA_SUBJECTS");
        assertThat(toPeople.get("state").asString()).isEqualTo("OPEN");
        assertThat(toPeople.get("dueAt").isNull()).isTrue();
        assertThat(json.readTree(call("GET", "/api/clients/" + client + "/breach-register", VIEWER, null).body())
                .get(0).get("decision").asString()).isEqualTo("PENDING");
    }

    @Test
    void shouldWithdrawTheOpenNis2ReportsWhenAManagerOverridesTheProposal() throws Exception {
        String client = newClient();
        profile(client, "{\"nis2\":{\"entityType\":\"ESSENTIAL\",\"authority\":\"BSI\"}}");
        UUID incident = UUID.randomUUID();
        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, false, client));
        awaitReports(incident, 2);
        String decision = "/api/incidents/" + incident + "/clients/" + client + "/regimes/";

        HttpResponse<String> unknownRegime = call("POST", decision + "ISO27001/decision", MANAGER,
                "{\"applies\":false,\"reason\":\"x\"}");
        assertThat(unknownRegime.statusCode()).isEqualTo(400);
        assertThat(strings(json.readTree(unknownRegime.body()).get("errors").get(0).get("allowed")))
                .containsExactly("GDPR", "NIS2", "DORA");
        assertThat(call("POST", decision + "DORA/decision", MANAGER, "{\"applies\":true,\"reason\":\"x\"}")
                .statusCode()).isEqualTo(409);
        assertThat(call("POST", decision + "NIS2/decision", ANALYST, "{\"applies\":false,\"reason\":\"x\"}")
                .statusCode()).isEqualTo(403);

        HttpResponse<String> overridden = call("POST", decision + "NIS2/decision", MANAGER,
                "{\"applies\":false,\"reason\":\"Test environment only: no service to recipients disrupted\"}");

        assertThat(overridden.statusCode()).isEqualTo(200);
        assertThat(json.readTree(overridden.body()).get("status").asString()).isEqualTo("NOT_APPLIES");
        awaitEvents(incident, has("NIS2_EARLY_WARNING", "WITHDRAWN").and(has("NIS2_INCIDENT_NOTIFICATION",
                "WITHDRAWN")));
        JsonNode reports = awaitReports(incident, 2);
        assertThat(reports.findValuesAsString("state")).containsOnly("WITHDRAWN");

        // the manager changes their mind: the same stages apply again
        assertThat(call("POST", decision + "NIS2/decision", MANAGER,
                "{\"applies\":true,\"reason\":\"Production was affected after all\"}").statusCode()).isEqualTo(200);
        List<RegulatoryReportChanged> events = awaitEvents(incident, e -> e.stream().filter(x -> x.getChange().name()
                .equals("OPENED")).count() == 4);
        assertThat(events.get(events.size() - 1).getReason()).isEqualTo("Production was affected after all");
        assertThat(awaitReports(incident, 2).findValuesAsString("state")).containsOnly("OPEN");
    }

    @Test
    void shouldLetAManagerDeclareNis2WhereNoCriterionMatched() throws Exception {
        String client = newClient();
        profile(client, "{\"language\":\"de\",\"nis2\":{\"entityType\":\"IMPORTANT\",\"authority\":\"BSI\"}}");
        UUID incident = UUID.randomUUID();
        AlertClassified minor = classified(incident, false, client);
        minor.setSeverity(Severity.LOW);
        send(Topics.ALERT_CLASSIFIED, incident, minor);
        awaitProjected(incident);
        assertThat(awaitReports(incident, 0)).isEmpty();

        HttpResponse<String> declared = call("POST", "/api/incidents/" + incident + "/clients/" + client
                + "/regimes/NIS2/decision", MANAGER, "{\"applies\":true,\"reason\":\"The hospital's admissions stalled\"}");

        assertThat(declared.statusCode()).isEqualTo(200);
        JsonNode reports = awaitReports(incident, 2);
        assertThat(reports.findValuesAsString("report")).containsExactlyInAnyOrder("NIS2_EARLY_WARNING",
                "NIS2_INCIDENT_NOTIFICATION");
        RegulatoryReportChanged opened = only(awaitEvents(incident, has("NIS2_EARLY_WARNING", "OPENED")),
                "NIS2_EARLY_WARNING", "OPENED");
        assertThat(opened.getActor()).isEqualTo(MANAGER);
        assertThat(opened.getDueAt()).isEqualTo(minor.getOccurredAt().plus(Duration.ofHours(24)));
        JsonNode draft = json.readTree(call("GET", "/api/incidents/" + incident + "/clients/" + client
                + "/reports/NIS2_EARLY_WARNING/draft", VIEWER, null).body());
        assertThat(draft.get("title").asString()).startsWith("Frühwarnung");
        HttpResponse<String> unknownReport = call("GET", "/api/incidents/" + incident + "/clients/" + client
                + "/reports/NIS3_WARNING/draft", VIEWER, null);
        assertThat(unknownReport.statusCode()).isEqualTo(400);
        assertThat(fields(json.readTree(unknownReport.body()).get("errors"))).containsExactly("report");
    }

    @Test
    void shouldProposeNis2WhenCaseServiceRaisesTheSeverity() throws Exception {
        String client = newClient();
        profile(client, "{\"nis2\":{\"entityType\":\"ESSENTIAL\",\"authority\":\"ANSSI\"}}");
        UUID incident = UUID.randomUUID();
        AlertClassified minor = classified(incident, false, client);
        minor.setSeverity(Severity.LOW);
        send(Topics.ALERT_CLASSIFIED, incident, minor);
        awaitProjected(incident);
        assertThat(awaitReports(incident, 0)).isEmpty();

        send(Topics.INCIDENT_UPDATED, incident, IncidentUpdated.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant()).setProducer("case-service").setIncidentId(incident)
                .setKind(UpdateKind.SEVERITY_CHANGED).setActor("alice").setStatus(IncidentStatus.IN_PROGRESS)
                .setSeverity(Severity.CRITICAL).setPreviousSeverity(Severity.LOW)
                .setMessage("Ransomware found on the file servers").build());

        RegulatoryReportChanged opened = only(awaitEvents(incident, has("NIS2_EARLY_WARNING", "OPENED")),
                "NIS2_EARLY_WARNING", "OPENED");
        assertThat(opened.getReason()).contains("critical-severity");
        assertThat(opened.getDueAt()).isEqualTo(minor.getOccurredAt().plus(Duration.ofHours(24)));
    }

    @Test
    void shouldKeepAResolutionThatOvertookItsClassification() throws Exception {
        String client = newClient();
        profile(client, "{\"nis2\":{\"entityType\":\"IMPORTANT\",\"authority\":\"BSI\"}}");
        UUID incident = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // The topics are read independently: the resolution can arrive first. It must not be lost.
        send(Topics.INCIDENT_RESOLVED, incident, IncidentResolved.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(now).setProducer("case-service").setIncidentId(incident).setResolvedAt(now)
                .setResolvedBy("alice").setSeverity(Severity.CRITICAL).setCategory(IncidentCategory.DATA_BREACH)
                .setSummary("Access revoked and the leaked export deleted at the recipient").setDataCompromised(true)
                .build());
        // Kept on an incident not classified yet, which no API shows and no rule sees.
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM incident WHERE incident_id = ?", Integer.class, incident) == 1);
        assertThat(call("GET", "/api/incidents/" + incident + "/regimes", VIEWER, null).statusCode()).isEqualTo(404);

        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, true, client));

        // The classification completes the incident: its reports open, and the resolution is still there (what the
        // final reports' drafts are pre-filled from), so the incident counts as resolved.
        JsonNode reports = awaitReports(incident, 2);
        assertThat(report(reports, client, "NIS2_EARLY_WARNING").get("state").asString()).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT facts FROM incident WHERE incident_id = ?", String.class, incident))
                .contains("Access revoked and the leaked export deleted at the recipient", "payroll");
        assertThat(jdbc.queryForObject("SELECT resolved FROM incident WHERE incident_id = ?", Boolean.class,
                incident)).isTrue();
    }

    /** Waits until the service has the incident (the regimes view answers 200 once it is projected). */
    private void awaitProjected(UUID incident) {
        await().atMost(Duration.ofSeconds(60)).until(() -> call("GET", "/api/incidents/" + incident + "/regimes",
                VIEWER, null).statusCode() == 200);
    }
}
