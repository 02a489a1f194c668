package io.vigie.regulatory;

import io.vigie.events.AlertClassified;
import io.vigie.events.ClientDirectoryChange;
import io.vigie.events.ClientDirectoryChanged;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;
import io.vigie.events.ResponseMetrics;
import io.vigie.events.Severity;
import io.vigie.events.RegulatoryReportChanged;
import io.vigie.events.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReportClocksIT extends RegulatoryITSupport {

    static final String GDPR_AND_NIS2 = """
            {"language":"en","gdpr":{"contactPoint":"Jane Roe, dpo@client.example","supervisoryAuthority":"CNIL"},
             "nis2":{"entityType":"ESSENTIAL","authority":"ANSSI (CSIRT)"},"dora":null}""";

    @Test
    void shouldStartTheGdprAndNis2ClocksWhenAPersonalDataIncidentIsClassified() throws Exception {
        String client = newClient();
        profile(client, GDPR_AND_NIS2);
        UUID incident = UUID.randomUUID();
        AlertClassified classified = classified(incident, true, client);

        send(Topics.ALERT_CLASSIFIED, incident, classified);
        send(Topics.ALERT_CLASSIFIED, incident, classified); // a redelivery changes nothing

        List<RegulatoryReportChanged> events = awaitEvents(incident, has("GDPR_AUTHORITY_NOTIFICATION", "OPENED")
                .and(has("NIS2_EARLY_WARNING", "OPENED")).and(has("NIS2_INCIDENT_NOTIFICATION", "OPENED")));
        Instant awareAt = classified.getOccurredAt();
        RegulatoryReportChanged gdpr = only(events, "GDPR_AUTHORITY_NOTIFICATION", "OPENED");
        assertThat(gdpr.getClientId()).isEqualTo(client);
        assertThat(gdpr.getRegime().name()).isEqualTo("GDPR");
        assertThat(gdpr.getAwareAt()).isEqualTo(awareAt);
        assertThat(gdpr.getDueAt()).isEqualTo(awareAt.plus(Duration.ofHours(72)));
        assertThat(gdpr.getAuthority()).isEqualTo("CNIL");
        assertThat(gdpr.getTitle()).isEqualTo("GDPR Art. 33 notification to the supervisory authority");
        assertThat(gdpr.getRule()).startsWith("GDPR Art. 33(1): 72 hours after awareness");
        assertThat(gdpr.getProducer()).isEqualTo("regulatory-service");
        RegulatoryReportChanged warning = only(events, "NIS2_EARLY_WARNING", "OPENED");
        assertThat(warning.getDueAt()).isEqualTo(awareAt.plus(Duration.ofHours(24)));
        assertThat(warning.getAuthority()).isEqualTo("ANSSI (CSIRT)");
        assertThat(warning.getReason()).startsWith("Proposed").contains("critical-severity");
        assertThat(only(events, "NIS2_INCIDENT_NOTIFICATION", "OPENED").getDueAt())
                .isEqualTo(awareAt.plus(Duration.ofHours(72)));

        JsonNode reports = awaitReports(incident, 3);
        JsonNode art33 = report(reports, client, "GDPR_AUTHORITY_NOTIFICATION");
        assertThat(art33.get("state").asString()).isEqualTo("OPEN");
        assertThat(Instant.parse(art33.get("dueAt").asString())).isEqualTo(awareAt.plus(Duration.ofHours(72)));
        assertThat(art33.get("authority").asString()).isEqualTo("CNIL");
        assertThat(strings(art33.get("draft").get("missing"))).containsExactly("dataSubjectCategories",
                "approximateDataSubjects", "approximateRecords", "likelyConsequences");
        assertThat(report(reports, client, "NIS2_EARLY_WARNING").get("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void shouldRefuseAnIncompleteArt33NotificationThenAcceptItInPhasesOnce() throws Exception {
        String client = newClient();
        profile(client, GDPR_AND_NIS2);
        UUID incident = UUID.randomUUID();
        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, true, client));
        awaitReports(incident, 3);
        String art33 = "/api/incidents/" + incident + "/clients/" + client + "/reports/GDPR_AUTHORITY_NOTIFICATION";

        HttpResponse<String> byViewer = call("POST", art33 + "/submission", VIEWER, "{}");
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(byViewer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(call("PUT", art33 + "/draft", VIEWER, "{\"elements\":{}}").statusCode()).isEqualTo(403);

        HttpResponse<String> incomplete = call("POST", art33 + "/submission", MANAGER,
                "{\"authorityReference\":\"CNIL-1\"}");
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(incomplete.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fields(json.readTree(incomplete.body()).get("errors"))).containsExactly("dataSubjectCategories",
                "approximateDataSubjects", "approximateRecords", "likelyConsequences");

        HttpResponse<String> saved = call("PUT", art33 + "/draft", COMMS, """
                {"elements":{"dataSubjectCategories":"Employees of the client",
                 "likelyConsequences":"Identity theft <script>alert(1)</script>"}}""");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json.readTree(saved.body()).get("version").asInt()).isEqualTo(1);
        HttpResponse<String> unknown = call("PUT", art33 + "/draft", COMMS, "{\"elements\":{\"weather\":\"rain\"}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("elements.weather");

        HttpResponse<String> stillIncomplete = call("POST", art33 + "/submission", MANAGER,
                "{\"elementsToFollow\":[\"approximateDataSubjects\"]}");
        assertThat(stillIncomplete.statusCode()).isEqualTo(422);
        assertThat(fields(json.readTree(stillIncomplete.body()).get("errors"))).containsExactly("approximateRecords");

        HttpResponse<String> phased = call("POST", art33 + "/submission", MANAGER, """
                {"authorityReference":"CNIL-2026-0042",
                 "elementsToFollow":["approximateDataSubjects","approximateRecords"]}""");
        assertThat(phased.statusCode()).isEqualTo(200);
        JsonNode submitted = json.readTree(phased.body());
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("submission").get("submittedBy").asString()).isEqualTo(MANAGER);
        assertThat(submitted.get("submission").get("late").asBoolean()).isFalse();
        assertThat(submitted.get("submission").get("text").asString()).contains("Employees of the client")
                .contains("Information to follow in a later phase").contains("CNIL");

        assertThat(call("POST", art33 + "/submission", MANAGER, "{}").statusCode()).isEqualTo(409);
        assertThat(call("PUT", art33 + "/draft", MANAGER, "{\"elements\":{}}").statusCode()).isEqualTo(409);
        RegulatoryReportChanged event = only(awaitEvents(incident, has("GDPR_AUTHORITY_NOTIFICATION", "SUBMITTED")),
                "GDPR_AUTHORITY_NOTIFICATION", "SUBMITTED");
        assertThat(event.getAuthorityReference()).isEqualTo("CNIL-2026-0042");
        assertThat(event.getElementsToFollow()).containsExactly("approximateDataSubjects", "approximateRecords");
        assertThat(report(awaitReports(incident, 3), client, "GDPR_AUTHORITY_NOTIFICATION").get("state").asString())
                .isEqualTo("SUBMITTED");

        JsonNode register = json.readTree(call("GET", "/api/clients/" + client + "/breach-register", VIEWER, null)
                .body());
        assertThat(register).hasSize(1);
        assertThat(register.get(0).get("decision").asString()).isEqualTo("NOTIFIED");
        assertThat(register.get(0).get("authorityReference").asString()).isEqualTo("CNIL-2026-0042");

        // phased reporting is GDPR Art. 33(4) only
        HttpResponse<String> phasedNis2 = call("POST", "/api/incidents/" + incident + "/clients/" + client
                + "/reports/NIS2_EARLY_WARNING/submission", MANAGER, "{\"elementsToFollow\":[\"crossBorderImpact\"]}");
        assertThat(phasedNis2.statusCode()).isEqualTo(400);
        assertThat(fields(json.readTree(phasedNis2.body()).get("errors"))).containsExactly("elementsToFollow");

        send(Topics.CLIENT_DIRECTORY, incident, ClientDirectoryChanged.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant()).setProducer("notification-service").setClientId(client)
                .setChange(ClientDirectoryChange.SAVED).setName("Exemple & Fils SA").build());
        JsonNode exported = await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(call("GET",
                art33 + "/export.json", VIEWER, null).body()), e -> e.get("client").get("name").asString()
                .equals("Exemple & Fils SA"));
        assertThat(exported.get("authority").asString()).isEqualTo("CNIL");
        assertThat(exported.get("draft").get("elements").get(0).get("heading").asString())
                .isEqualTo("Nature of the breach");
        HttpResponse<byte[]> pdf = download(art33 + "/export.pdf", VIEWER);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void shouldOpenTheNis2FinalReportOneMonthAfterTheIncidentNotificationIsSubmitted() throws Exception {
        String client = newClient();
        profile(client, GDPR_AND_NIS2);
        UUID incident = UUID.randomUUID();
        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, true, client));
        awaitReports(incident, 3);

        HttpResponse<String> submitted = call("POST", "/api/incidents/" + incident + "/clients/" + client
                + "/reports/NIS2_INCIDENT_NOTIFICATION/submission", MANAGER, "{\"authorityReference\":\"ANSSI-7\"}");

        assertThat(submitted.statusCode()).isEqualTo(200);
        Instant submittedAt = Instant.parse(json.readTree(submitted.body()).get("submission").get("submittedAt")
                .asString());
        JsonNode reports = awaitReports(incident, 4);
        JsonNode finalReport = report(reports, client, "NIS2_FINAL_REPORT");
        assertThat(finalReport.get("state").asString()).isEqualTo("OPEN");
        assertThat(Instant.parse(finalReport.get("dueAt").asString()))
                .isEqualTo(submittedAt.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());
        assertThat(report(reports, client, "NIS2_INCIDENT_NOTIFICATION").get("state").asString())
                .isEqualTo("SUBMITTED");
        assertThat(only(awaitEvents(incident, has("NIS2_FINAL_REPORT", "OPENED")), "NIS2_FINAL_REPORT", "OPENED")
                .getRule()).contains("NIS2 Art. 23(4)(d)");

        // the resolution and the post-mortem's root cause reach the final report's draft
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        send(Topics.INCIDENT_RESOLVED, incident, IncidentResolved.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(now).setProducer("case-service").setIncidentId(incident).setResolvedAt(now)
                .setResolvedBy("alice").setSeverity(Severity.CRITICAL).setCategory(IncidentCategory.DATA_BREACH)
                .setSummary("The exfiltration path was closed").setDataCompromised(true)
                .setCorrectiveActions(List.of("Egress filtering on the payroll server")).build());
        send(Topics.INCIDENT_CLOSED, incident, IncidentClosed.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(now).setProducer("postmortem-service").setIncidentId(incident)
                .setPostmortemId(UUID.randomUUID()).setApprovedBy("manager").setApprovedAt(now)
                .setRootCause("A forgotten export job pushed payslips to a test host")
                .setMetrics(ResponseMetrics.newBuilder().build()).build());
        String draft = "/api/incidents/" + incident + "/clients/" + client + "/reports/NIS2_FINAL_REPORT/draft";
        JsonNode finalDraft = await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(call("GET", draft,
                VIEWER, null).body()), d -> !d.get("elements").get(2).get("value").isNull());
        assertThat(finalDraft.get("elements").get(2).get("key").asString()).isEqualTo("threatOrRootCause");
        assertThat(finalDraft.get("elements").get(2).get("value").asString()).contains("forgotten export job");
        assertThat(finalDraft.get("elements").get(3).get("value").asString())
                .contains("Egress filtering on the payroll server").contains("Affected system isolated");
    }

    @Test
    void shouldGiveDoraFourHoursFromTheManagersClassificationThenOpenTheIntermediateReport() throws Exception {
        String client = newClient();
        profile(client, "{\"language\":\"fr\",\"dora\":{\"competentAuthority\":\"ACPR\"}}");
        UUID incident = UUID.randomUUID();
        AlertClassified classified = classified(incident, true, client);
        send(Topics.ALERT_CLASSIFIED, incident, classified);
        JsonNode initial = report(awaitReports(incident, 1), client, "DORA_INITIAL_NOTIFICATION");
        Instant proposedDue = Instant.parse(initial.get("dueAt").asString());
        assertThat(proposedDue).isBetween(classified.getOccurredAt().plus(Duration.ofHours(4)),
                clock.instant().plus(Duration.ofHours(4)));

        clock.advance(Duration.ofHours(1));
        HttpResponse<String> withoutReason = call("POST", "/api/incidents/" + incident + "/clients/" + client
                + "/regimes/DORA/decision", MANAGER, "{\"applies\":true}");
        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(fields(json.readTree(withoutReason.body()).get("errors"))).containsExactly("reason");
        HttpResponse<String> confirmed = call("POST", "/api/incidents/" + incident + "/clients/" + client
                + "/regimes/DORA/decision", MANAGER, "{\"applies\":true,\"reason\":\"Payments down for 2 clients\"}");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        Instant decidedAt = Instant.parse(json.readTree(confirmed.body()).get("decidedAt").asString());
        clock.advance(Duration.ofHours(1));
        assertThat(call("POST", "/api/incidents/" + incident + "/clients/" + client + "/regimes/DORA/decision",
                MANAGER, "{\"applies\":true,\"reason\":\"again\"}").statusCode()).isEqualTo(409);

        List<RegulatoryReportChanged> events = awaitEvents(incident, has("DORA_INITIAL_NOTIFICATION", "DECIDED")
                .and(has("DORA_INITIAL_NOTIFICATION", "DEADLINE_CHANGED")));
        assertThat(only(events, "DORA_INITIAL_NOTIFICATION", "DEADLINE_CHANGED").getDueAt())
                .isEqualTo(decidedAt.plus(Duration.ofHours(4)));

        String draft = "/api/incidents/" + incident + "/clients/" + client + "/reports/DORA_INITIAL_NOTIFICATION";
        JsonNode french = json.readTree(call("GET", draft + "/draft", VIEWER, null).body());
        assertThat(french.get("language").asString()).isEqualTo("fr");
        assertThat(french.get("elements").get(0).get("heading").asString())
                .isEqualTo("Description détaillée de l'incident");
        HttpResponse<String> submitted = call("POST", draft + "/submission", MANAGER, "{\"authorityReference\":\"A1\"}");
        assertThat(submitted.statusCode()).isEqualTo(200);
        Instant submittedAt = Instant.parse(json.readTree(submitted.body()).get("submission").get("submittedAt")
                .asString());
        JsonNode intermediate = report(awaitReports(incident, 2), client, "DORA_INTERMEDIATE_REPORT");
        assertThat(Instant.parse(intermediate.get("dueAt").asString())).isEqualTo(submittedAt.plus(Duration.ofHours(72)));
        assertThat(intermediate.get("authority").asString()).isEqualTo("ACPR");
    }

    @Test
    void shouldMoveTheOpenDeadlinesWhenAManagerRecordsAnEarlierAwareness() throws Exception {
        String client = newClient();
        profile(client, GDPR_AND_NIS2);
        UUID incident = UUID.randomUUID();
        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, true, client));
        awaitReports(incident, 3);
        String awareness = "/api/incidents/" + incident + "/clients/" + client + "/awareness";
        Instant earlier = clock.instant().minus(Duration.ofHours(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        assertThat(call("PUT", awareness, ANALYST, "{\"awareAt\":\"" + earlier + "\",\"reason\":\"x\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> future = call("PUT", awareness, MANAGER, "{\"awareAt\":\""
                + clock.instant().plus(Duration.ofHours(1)) + "\",\"reason\":\"typo\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(fields(json.readTree(future.body()).get("errors"))).containsExactly("awareAt");
        HttpResponse<String> moved = call("PUT", awareness, MANAGER, "{\"awareAt\":\"" + earlier
                + "\",\"reason\":\"The client's DPO saw the leak reported on a forum first\"}");
        assertThat(moved.statusCode()).isEqualTo(200);

        List<RegulatoryReportChanged> events = awaitEvents(incident, has("GDPR_AUTHORITY_NOTIFICATION",
                "DEADLINE_CHANGED").and(has("NIS2_EARLY_WARNING", "DEADLINE_CHANGED"))
                .and(has("NIS2_INCIDENT_NOTIFICATION", "DEADLINE_CHANGED")));
        RegulatoryReportChanged gdpr = only(events, "GDPR_AUTHORITY_NOTIFICATION", "DEADLINE_CHANGED");
        assertThat(gdpr.getAwareAt()).isEqualTo(earlier);
        assertThat(gdpr.getDueAt()).isEqualTo(earlier.plus(Duration.ofHours(72)));
        assertThat(gdpr.getActor()).isEqualTo(MANAGER);
        assertThat(gdpr.getReason()).contains("forum");
        assertThat(only(events, "NIS2_EARLY_WARNING", "DEADLINE_CHANGED").getDueAt())
                .isEqualTo(earlier.plus(Duration.ofHours(24)));
        assertThat(Instant.parse(report(awaitReports(incident, 3), client, "NIS2_EARLY_WARNING").get("dueAt")
                .asString())).isEqualTo(earlier.plus(Duration.ofHours(24)));
    }

    @Test
    void shouldValidateRegimeProfilesNamingEachFieldAndTheAllowedValues() throws Exception {
        String client = newClient();
        HttpResponse<String> invalid = call("PUT", "/api/clients/" + client + "/regimes", MANAGER,
                "{\"language\":\"it\",\"nis2\":{\"entityType\":\"BIG\",\"authority\":\"\"}}");

        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(invalid.body()).get("errors");
        assertThat(fields(errors)).containsExactly("language", "nis2.authority", "nis2.entityType");
        assertThat(strings(errors.get(0).get("allowed"))).containsExactly("fr", "en", "de");
        assertThat(strings(errors.get(2).get("allowed"))).containsExactly("ESSENTIAL", "IMPORTANT");
        assertThat(call("PUT", "/api/clients/" + client + "/regimes", ANALYST, GDPR_AND_NIS2).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/clients/" + client + "/regimes", VIEWER, null).statusCode()).isEqualTo(404);

        profile(client, "{\"gdpr\":{\"contactPoint\":\"DPO\",\"supervisoryAuthority\":\"BfDI\"}}");

        JsonNode saved = json.readTree(call("GET", "/api/clients/" + client + "/regimes", VIEWER, null).body());
        assertThat(saved.get("language").asString()).isEqualTo("en");
        assertThat(saved.get("gdpr").get("supervisoryAuthority").asString()).isEqualTo("BfDI");
        assertThat(saved.get("nis2").isNull()).isTrue();
    }

    static RegulatoryReportChanged only(List<RegulatoryReportChanged> events, String report, String change) {
        List<RegulatoryReportChanged> matching = events.stream().filter(e -> e.getReport().name().equals(report)
                && e.getChange().name().equals(change)).toList();
        assertThat(matching).as(change + " " + report).hasSize(1);
        return matching.get(0);
    }

    static List<String> fields(JsonNode errors) {
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
