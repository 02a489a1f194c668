package io.vigie.postmortem;

import io.vigie.events.ActionItemKind;
import io.vigie.events.IncidentClosed;
import io.vigie.postmortem.report.Analysis;
import io.vigie.postmortem.report.Analysis.ActionItem;
import io.vigie.postmortem.report.Analysis.ActionKind;
import io.vigie.postmortem.report.Analysis.IshikawaCategory;
import io.vigie.postmortem.report.Analysis.ResponseStage;
import io.vigie.postmortem.report.Analysis.StageEvaluation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.vigie.postmortem.DraftIT.strings;
import static org.assertj.core.api.Assertions.assertThat;

class ApprovalIT extends PostmortemITSupport {

    static Analysis complete() {
        return new Analysis(
                List.of("The attacker logged in with j.doe's password",
                        "The password had leaked in a third-party breach",
                        "j.doe reused the password on the payroll portal",
                        "The portal did not require a second factor",
                        "MFA roll-out had skipped the payroll portal"),
                "The payroll portal accepted a password alone: it was left out of the MFA roll-out.",
                IshikawaCategory.PROCESS,
                Map.of(IshikawaCategory.TECHNOLOGY, List.of("No MFA on the portal"),
                        IshikawaCategory.PROCESS, List.of("MFA roll-out scope missed legacy portals"),
                        IshikawaCategory.DETECTION, List.of("40 failed logins raised no alert before the success")),
                Map.of(ResponseStage.DETECTION, new StageEvaluation("Splunk caught the foreign login", null),
                        ResponseStage.COMMUNICATION, new StageEvaluation("Client A acknowledged quickly",
                                "The first notice took 45 minutes")),
                List.of("Every internet-facing login needs MFA"),
                List.of(new ActionItem(null, "Enforce MFA on every portal", "bob", LocalDate.of(2026, 12, 15),
                                ActionKind.PREVENTIVE, null),
                        new ActionItem(null, "Alert on 10 failed logins in 5 minutes", "carol",
                                LocalDate.of(2026, 12, 1), ActionKind.DETECTION, null)),
                true, "Add 'check MFA on the affected service' to the account-compromise playbook");
    }

    @Test
    void shouldRefuseToApproveAnIncompletePostmortemAndSayWhatIsMissing() throws Exception {
        String id = drafted(Scenario.accountCompromise()).get("id").asString();
        Analysis incomplete = new Analysis(List.of(), " ", null, Map.of(), Map.of(), List.of(),
                List.of(new ActionItem(null, "Enforce MFA", null, null, ActionKind.PREVENTIVE, null)), false, null);
        assertThat(call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST, write(incomplete)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = call("POST", "/api/postmortems/" + id + "/approval", MANAGER, null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(strings(json.readTree(response.body()).get("missing"))).containsExactly(
                "rootCause: the root cause is not stated",
                "lessonsLearned: at least one lesson learned is needed",
                "actionItems[0].owner: action 'Enforce MFA' has no owner",
                "actionItems[0].dueDate: action 'Enforce MFA' has no due date");
        assertThat(json.readTree(call("GET", "/api/postmortems/" + id, VIEWER, null).body()).get("status").asString())
                .isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE topic = 'vigie.incident-closed' "
                + "AND record_key = ?", Integer.class, json.readTree(call("GET", "/api/postmortems/" + id, VIEWER,
                null).body()).get("incidentId").asString())).isZero();
    }

    @Test
    void shouldLetAnalystsEditAndOnlyManagersApprove() throws Exception {
        String id = drafted(Scenario.accountCompromise()).get("id").asString();
        String body = write(complete());

        assertThat(call("PUT", "/api/postmortems/" + id + "/analysis", null, body).statusCode()).isEqualTo(401);
        assertThat(call("PUT", "/api/postmortems/" + id + "/analysis", VIEWER, body).statusCode()).isEqualTo(403);
        assertThat(call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST, body).statusCode()).isEqualTo(200);
        HttpResponse<String> analystApproval = call("POST", "/api/postmortems/" + id + "/approval", ANALYST, null);
        assertThat(analystApproval.statusCode()).isEqualTo(403);
        assertThat(analystApproval.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(call("POST", "/api/postmortems/" + id + "/approval", VIEWER, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/postmortems/" + id, VIEWER, null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldCloseTheIncidentWhenAManagerApprovesAndLockThePostmortem() throws Exception {
        Scenario s = Scenario.accountCompromise();
        String id = drafted(s).get("id").asString();
        assertThat(call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST, write(complete())).statusCode())
                .isEqualTo(200);

        HttpResponse<String> approval = call("POST", "/api/postmortems/" + id + "/approval", MANAGER, null);

        assertThat(approval.statusCode()).isEqualTo(200);
        JsonNode approved = json.readTree(approval.body());
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedBy").asString()).isEqualTo(MANAGER);

        List<IncidentClosed> closed = awaitClosed(s.incidentId());
        assertThat(closed).hasSize(1);
        IncidentClosed event = closed.get(0);
        assertThat(event.getPostmortemId().toString()).isEqualTo(id);
        assertThat(event.getProducer()).isEqualTo("postmortem-service");
        assertThat(event.getApprovedBy()).isEqualTo(MANAGER);
        assertThat(event.getApprovedAt().toString()).isEqualTo(approved.get("approvedAt").asString());
        assertThat(event.getRootCause()).isEqualTo(complete().rootCause());
        assertThat(event.getLessonsLearned()).containsExactly("Every internet-facing login needs MFA");
        assertThat(event.getActionItems()).extracting(a -> a.getDescription(), a -> a.getOwner(), a -> a.getDueDate(),
                a -> a.getKind()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Enforce MFA on every portal", "bob", LocalDate.of(2026, 12, 15),
                        ActionItemKind.PREVENTIVE),
                org.assertj.core.groups.Tuple.tuple("Alert on 10 failed logins in 5 minutes", "carol",
                        LocalDate.of(2026, 12, 1), ActionItemKind.DETECTION));
        assertThat(event.getMetrics().getTimeToDetectSeconds()).isEqualTo(120L);
        assertThat(event.getMetrics().getTimeToClassifySeconds()).isEqualTo(180L);
        // As case-service's clocks counted them: from the first alert.
        assertThat(event.getMetrics().getTimeToNotifySeconds()).isEqualTo(2880L);
        assertThat(event.getMetrics().getTimeToAcknowledgeSeconds()).isEqualTo(4680L);
        assertThat(event.getMetrics().getTimeToResolveSeconds()).isEqualTo(10680L);
        assertThat(event.getResponsePlanChangeRequired()).isTrue();
        assertThat(event.getAffectedClientIds()).containsExactly("client-a", "client-b");
        assertThat(event.getClientSummary()).contains("Every internet-facing login needs MFA")
                .contains("Enforce MFA on every portal").doesNotContain("bob").doesNotContain("client-b");

        // approved is final
        HttpResponse<String> edit = call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST, write(complete()));
        assertThat(edit.statusCode()).isEqualTo(409);
        assertThat(json.readTree(edit.body()).get("detail").asString()).contains("approved by manager");
        assertThat(call("POST", "/api/postmortems/" + id + "/approval", MANAGER, null).statusCode()).isEqualTo(409);
    }

    @Test
    void shouldRejectAnInvalidAnalysisWithTheOffendingFields() throws Exception {
        String id = drafted(Scenario.accountCompromise()).get("id").asString();
        Analysis blankAction = new Analysis(List.of(), "x", null, Map.of(), Map.of(), List.of("l"),
                List.of(new ActionItem(null, " ", "bob", LocalDate.of(2026, 12, 1), null, null)), false, null);

        HttpResponse<String> invalid = call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST, write(blankAction));
        HttpResponse<String> unknownCategory = call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST,
                "{\"rootCause\":\"x\",\"ishikawa\":{\"WEATHER\":[\"rain\"]}}");

        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode blank = json.readTree(invalid.body()).get("errors");
        assertThat(blank).hasSize(1);
        assertThat(blank.get(0).get("field").asString()).isEqualTo("actionItems[0].description");
        assertThat(blank.get(0).get("message").asString()).isEqualTo("must not be blank");
        assertThat(unknownCategory.statusCode()).isEqualTo(400);
        assertThat(unknownCategory.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknownCategory.body()).doesNotContain("at tools.").doesNotContain("Exception:");
        assertThat(json.readTree(call("GET", "/api/postmortems/" + id, VIEWER, null).body()).get("analysis")
                .get("rootCause").isNull()).isTrue();
    }
    @Test
    void shouldNameTheFieldAndTheAllowedValuesOfAnUnknownCode() throws Exception {
        String id = drafted(Scenario.accountCompromise()).get("id").asString();

        HttpResponse<String> category = call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST,
                "{\"rootCause\":\"x\",\"rootCauseCategory\":\"WEATHER\"}");
        HttpResponse<String> key = call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST,
                "{\"rootCause\":\"x\",\"ishikawa\":{\"WEATHER\":[\"rain\"]}}");
        HttpResponse<String> status = call("GET", "/api/postmortems?status=PUBLISHED", VIEWER, null);

        assertThat(category.statusCode()).isEqualTo(400);
        assertThat(category.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode categoryError = json.readTree(category.body()).get("errors").get(0);
        assertThat(categoryError.get("field").asString()).isEqualTo("rootCauseCategory");
        assertThat(strings(categoryError.get("allowed"))).containsExactly("PEOPLE", "PROCESS", "TECHNOLOGY",
                "ENVIRONMENT", "SUPPLIERS", "DETECTION");
        assertThat(json.readTree(category.body()).get("detail").asString())
                .isEqualTo("rootCauseCategory: must be one of PEOPLE, PROCESS, TECHNOLOGY, ENVIRONMENT, SUPPLIERS, "
                        + "DETECTION");
        assertThat(key.statusCode()).isEqualTo(400);
        JsonNode keyError = json.readTree(key.body()).get("errors").get(0);
        assertThat(keyError.get("field").asString()).startsWith("ishikawa");
        assertThat(strings(keyError.get("allowed"))).contains("PEOPLE", "DETECTION");
        assertThat(status.statusCode()).isEqualTo(400);
        JsonNode statusError = json.readTree(status.body()).get("errors").get(0);
        assertThat(statusError.get("field").asString()).isEqualTo("status");
        assertThat(strings(statusError.get("allowed"))).containsExactly("DRAFT", "APPROVED");
    }
}
