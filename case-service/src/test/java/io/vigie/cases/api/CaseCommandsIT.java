package io.vigie.cases.api;

import io.vigie.cases.CaseServiceTestBase;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Severity;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CaseCommandsIT extends CaseServiceTestBase {

    private static final String NOTE = "{\"text\":\"Blocked 203.0.113.7 at the edge\"}";
    private static final String ACTION = "{\"type\":\"PASSWORD_RESET\",\"description\":\"Reset j.doe's password\"}";
    private static final String ASSIGNMENT = "{\"assignee\":\"analyst\"}";
    private static final String SEVERITY = "{\"severity\":\"CRITICAL\",\"reason\":\"Payroll data exposed\"}";
    private static final String CLIENT_UPDATE = "{\"message\":\"We have contained the attack.\","
            + "\"measuresTaken\":[\"Account locked\"],\"resolutionPlan\":\"Restore from backup\"}";
    private static final String RESOLUTION = "{\"summary\":\"Account restored, attacker locked out\","
            + "\"correctiveActions\":[\"Enforce MFA\"],\"dataCompromised\":false}";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "viewer,   notes,          403", "viewer,   actions,        403", "viewer,   assignment,     403",
            "viewer,   severity,       403", "viewer,   client-updates, 403", "viewer,   resolution,     403",
            "comms,    notes,          403", "comms,    resolution,     403", "comms,    client-updates, 200",
            "analyst,  notes,          200", "analyst,  actions,        200", "analyst,  assignment,     200",
            "analyst,  severity,       200", "analyst,  client-updates, 200", "analyst,  resolution,     200",
            "manager,  notes,          200", "manager,  severity,       200", "manager,  resolution,     200"})
    void shouldAllowEachCommandOnlyToItsRoles(String user, String command, int status) throws Exception {
        UUID incidentId = openIncident(Severity.HIGH, "Brute force on VPN", "acme");

        HttpResponse<String> response = post(user, "/api/cases/" + incidentId + "/" + command, body(command));

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 200) {
            assertThat(get("viewer", "/api/cases/" + incidentId + "/timeline").body())
                    .contains("\"actor\":\"" + user + "\"");
        } else {
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(timelineSize(incidentId)).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseAnonymousCallers() throws Exception {
        UUID incidentId = openIncident(Severity.LOW, "Port scan", "acme");

        assertThat(get(null, "/api/cases/" + incidentId).statusCode()).isEqualTo(401);
        assertThat(post(null, "/api/cases/" + incidentId + "/notes", NOTE).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldPublishAClientUpdateForNotificationService() throws Exception {
        UUID incidentId = openIncident(Severity.HIGH, "Credential stuffing", "acme");

        HttpResponse<String> response = post("comms", "/api/cases/" + incidentId + "/client-updates", CLIENT_UPDATE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"IN_PROGRESS\"");
        IncidentUpdated update = awaitRecord(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(incidentId));
        assertThat(update.getKind()).isEqualTo(UpdateKind.CLIENT_UPDATE);
        assertThat(update.getNotifyClients()).isTrue();
        assertThat(update.getActor()).isEqualTo("comms");
        assertThat(update.getMessage()).isEqualTo("We have contained the attack.");
        assertThat(update.getMeasuresTaken()).containsExactly("Account locked");
        assertThat(update.getStatus()).isEqualTo(IncidentStatus.IN_PROGRESS);
    }

    @Test
    void shouldPublishTheResolutionAndRefuseCommandsAfterIt() throws Exception {
        UUID incidentId = openIncident(Severity.CRITICAL, "Ransomware on file server", "acme", "globex");

        assertThat(post("analyst", "/api/cases/" + incidentId + "/resolution", RESOLUTION).statusCode())
                .isEqualTo(200);

        IncidentResolved resolved = awaitRecord(Topics.INCIDENT_RESOLVED, IncidentResolved.class,
                event -> event.getIncidentId().equals(incidentId));
        assertThat(resolved.getResolvedBy()).isEqualTo("analyst");
        assertThat(resolved.getSummary()).isEqualTo("Account restored, attacker locked out");
        assertThat(resolved.getCorrectiveActions()).containsExactly("Enforce MFA");
        assertThat(resolved.getAffectedClientIds()).containsExactly("acme", "globex");
        assertThat(resolved.getDataCompromised()).isFalse();

        HttpResponse<String> again = post("analyst", "/api/cases/" + incidentId + "/resolution", RESOLUTION);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(again.body()).contains("already resolved").contains("\"status\":\"RESOLVED\"");
        assertThat(post("comms", "/api/cases/" + incidentId + "/client-updates", CLIENT_UPDATE).statusCode())
                .isEqualTo(409);
        assertThat(post("analyst", "/api/cases/" + incidentId + "/notes", NOTE).statusCode())
                .as("notes stay possible for the post-mortem").isEqualTo(200);
    }

    @Test
    void shouldRefuseASeverityTheIncidentAlreadyHas() throws Exception {
        UUID incidentId = openIncident(Severity.CRITICAL, "DDoS on the portal", "acme");

        HttpResponse<String> response = post("analyst", "/api/cases/" + incidentId + "/severity", SEVERITY);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("already CRITICAL");
    }

    @Test
    void shouldRefuseInvalidFieldsNamingThem() throws Exception {
        UUID incidentId = openIncident(Severity.MEDIUM, "Phishing", "acme");

        HttpResponse<String> blank = post("analyst", "/api/cases/" + incidentId + "/notes", "{\"text\":\" \"}");
        HttpResponse<String> wrongSeverity = post("analyst", "/api/cases/" + incidentId + "/severity",
                "{\"severity\":\"APOCALYPTIC\",\"reason\":\"x\"}");
        HttpResponse<String> missingFlag = post("analyst", "/api/cases/" + incidentId + "/resolution",
                "{\"summary\":\"done\"}");

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(blank.body()).contains("\"field\":\"text\"");
        assertThat(wrongSeverity.statusCode()).isEqualTo(400);
        assertThat(missingFlag.statusCode()).isEqualTo(400);
        assertThat(missingFlag.body()).contains("\"field\":\"dataCompromised\"");
        assertThat(timelineSize(incidentId)).isEqualTo(1);
    }

    @Test
    void shouldAnswer404ForAnUnknownIncident() throws Exception {
        HttpResponse<String> response = post("analyst", "/api/cases/" + UUID.randomUUID() + "/notes", NOTE);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Unknown incident");
    }

    @Test
    void shouldListActiveCasesByFilter() throws Exception {
        String title = "Filter test " + UUID.randomUUID();
        UUID critical = openIncident(Severity.CRITICAL, title, "filter-client");
        UUID low = openIncident(Severity.LOW, title, "other-client");

        String body = get("viewer", "/api/cases?severity=CRITICAL&client=filter-client").body();

        assertThat(body).contains(critical.toString()).doesNotContain(low.toString());
    }

    @Test
    void shouldDescribeTheApiWithOpenApi() throws Exception {
        HttpResponse<String> response = get("viewer", "/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/cases/{id}/resolution")
                .contains("/api/cases/{id}/timeline/verification");
    }

    private static String body(String command) {
        return switch (command) {
            case "notes" -> NOTE;
            case "actions" -> ACTION;
            case "assignment" -> ASSIGNMENT;
            case "severity" -> SEVERITY;
            case "client-updates" -> CLIENT_UPDATE;
            case "resolution" -> RESOLUTION;
            default -> throw new IllegalArgumentException(command);
        };
    }
}
