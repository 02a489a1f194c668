package io.vigie.triage.policy;

import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClassificationChange;
import io.vigie.triage.TriageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDryRunIT extends TriageIntegrationTest {

    private static final String DRAFT = """
            version: "draft-%s"
            rules:
              - id: usb-copy-of-client-data
                description: Client data copied to removable media
                when:
                  tags: [%s]
                then:
                  category: DATA_BREACH
                  raiseTo: CRITICAL
                  notify: true
                  includeAssetData: true
                  measures: [SYSTEM_ISOLATED, EVIDENCE_SECURED]
                  resolutionEta: 4h
            """;

    @Test
    void shouldAnswerEachSampleClassificationAndRulesFiredWithoutStoringPublishingOrActivatingAnything()
            throws Exception {
        // given
        String asset = knownAsset("dry-crm", "ASSET", "CRITICAL", "acme", "PERSONAL");
        String tag = "usb-" + UUID.randomUUID();
        String draft = DRAFT.formatted(UUID.randomUUID(), tag);
        HttpResponse<String> before = send("GET", "/api/policy", VIEWER, null, null);
        int versionsBefore = getJson("/api/policy/versions", VIEWER).size();
        String request = JSON.writeValueAsString(Map.of("policy", draft, "alerts", List.of(
                Map.of("title", "Files copied to a USB stick", "asset", asset, "tags", List.of(tag),
                        "severityHint", "LOW", "detectedAt", "2026-12-01T10:00:00Z", "clientHint", "globex"),
                Map.of("title", "Nothing of note", "asset", asset))));

        // when
        HttpResponse<String> response = send("POST", "/api/policy/dry-run", MANAGER, "application/json", request);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outcome = JSON.readTree(response.body());
        assertThat(outcome.get("policyVersion").asString()).startsWith("draft-");
        assertThat(outcome.get("activeVersion").asString())
                .isEqualTo(before.headers().firstValue("Vigie-Policy-Version").orElseThrow());
        JsonNode raised = outcome.get("samples").get(0);
        JsonNode classification = raised.get("classification");
        assertThat(texts(raised.get("rulesFired"))).containsExactly("baseline", "usb-copy-of-client-data",
                "gdpr-art-33", "suggested-client");
        assertThat(classification.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(classification.get("category").asString()).isEqualTo("DATA_BREACH");
        assertThat(classification.get("notifyClients").asBoolean()).isTrue();
        assertThat(classification.get("affectedClients").get(0).get("clientId").asString()).isEqualTo("acme");
        assertThat(classification.get("affectedClients").size()).isEqualTo(1);
        assertThat(classification.get("suggestedClients").get(0).get("clientId").asString()).isEqualTo("globex");
        assertThat(texts(classification.get("measures"))).containsExactly("SYSTEM_ISOLATED", "EVIDENCE_SECURED");
        assertThat(classification.get("estimatedResolutionAt").asString()).isEqualTo("2026-12-01T14:00:00Z");
        assertThat(classification.get("personalDataInvolved").asBoolean()).isTrue();
        assertThat(classification.has("gdprDeadline")).as("no legal deadline: regulatory-service sets them").isFalse();
        assertThat(classification.get("rationale").get(1).get("effect").asString()).contains("CRITICAL");
        assertThat(raised.get("priority").asInt()).isGreaterThan(1000);
        JsonNode quiet = outcome.get("samples").get(1);
        assertThat(texts(quiet.get("rulesFired"))).containsExactly("baseline");
        assertThat(quiet.get("classification").get("severity").asString()).isEqualTo("MEDIUM");
        assertThat(quiet.get("classification").get("notifyClients").asBoolean()).isFalse();

        // and nothing changed: the active policy, its history, the incidents
        HttpResponse<String> after = send("GET", "/api/policy", VIEWER, null, null);
        assertThat(after.headers().firstValue("Vigie-Policy-Version"))
                .isEqualTo(before.headers().firstValue("Vigie-Policy-Version"));
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(getJson("/api/policy/versions", VIEWER).size()).isEqualTo(versionsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM incident WHERE snapshot LIKE ?", Integer.class,
                "%" + asset + "%")).isZero();

        // and nothing was published: the same alert, sent for real, opens the first incident about the asset, with
        // the active policy, and is the only AlertClassified about it on the topic
        AlertRaised real = alert(a -> a.setTitle("Files copied to a USB stick").setAsset(asset).setTags(List.of(tag)));
        publish(real);
        AlertClassified classified = awaitClassification(real);
        assertThat(classified.getChange()).isEqualTo(ClassificationChange.OPENED);
        assertThat(classified.getPolicyVersion()).isEqualTo(outcome.get("activeVersion").asString());
        assertThat(rules(classified)).doesNotContain("usb-copy-of-client-data");
        assertThat(classificationsOfAsset(asset)).extracting(AlertClassified::getAlertId)
                .containsExactly(real.getAlertId());
    }

    @Test
    void shouldRefuseABadPolicyExactlyAsAnUploadDoes() throws Exception {
        String bad = """
                version: bad-%s
                rules:
                  - id: broken
                    when:
                      tags: [x]
                    then:
                      severity: URGENT
                      measures: [PAGED_SOMEONE]
                """.formatted(UUID.randomUUID());
        HttpResponse<String> upload = send("PUT", "/api/policy", MANAGER, "application/yaml", bad);

        HttpResponse<String> dryRun = send("POST", "/api/policy/dry-run", MANAGER, "application/json",
                JSON.writeValueAsString(Map.of("policy", bad, "alerts", List.of(Map.of("title", "x", "tags", List.of("x"))))));

        assertThat(dryRun.statusCode()).isEqualTo(422).isEqualTo(upload.statusCode());
        assertThat(dryRun.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(dryRun.body());
        assertThat(problem.get("errors")).isEqualTo(JSON.readTree(upload.body()).get("errors"));
        assertThat(problem.get("detail").asString()).isEqualTo(JSON.readTree(upload.body()).get("detail").asString());
        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(7);
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("unknown severity 'URGENT'");
        assertThat(problem.get("errors").size()).isEqualTo(2);
    }

    @Test
    void shouldRefuseASampleNamingItsFieldAndTheAllowedValues() throws Exception {
        String draft = DRAFT.formatted(UUID.randomUUID(), "t");
        HttpResponse<String> refused = send("POST", "/api/policy/dry-run", MANAGER, "application/json",
                JSON.writeValueAsString(Map.of("policy", draft, "alerts", List.of(
                        Map.of("title", "ok"), Map.of("title", "bad", "severityHint", "URGENT")))));

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("alerts[1].severityHint");
        assertThat(error.get("message").asString()).contains("unknown value 'URGENT'");
        assertThat(texts(error.get("allowed"))).contains("LOW", "CRITICAL");
    }

    @Test
    void shouldLetOnlyAManagerTryAPolicy() throws Exception {
        String request = JSON.writeValueAsString(Map.of("policy", DRAFT.formatted(UUID.randomUUID(), "t"),
                "alerts", List.of(Map.of("title", "x"))));

        assertThat(send("POST", "/api/policy/dry-run", VIEWER, "application/json", request).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/policy/dry-run", null, "application/json", request).statusCode()).isEqualTo(401);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }
}
