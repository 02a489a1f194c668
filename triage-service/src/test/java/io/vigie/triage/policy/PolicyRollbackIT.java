package io.vigie.triage.policy;

import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.triage.TriageIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyRollbackIT extends TriageIntegrationTest {

    @Test
    void shouldRollBackToTheShippedDefaultAndToAnEarlierUploadAsNewVersionsRecordingWhoDidIt() throws Exception {
        // given: an upload that adds a rule to the shipped default
        String shipped = shippedVersion();
        String tag = "rollback-" + UUID.randomUUID();
        String uploaded = "rb-" + UUID.randomUUID();
        String document = new ClassPathResource("policy/default-policy.yml").getContentAsString(StandardCharsets.UTF_8)
                .replaceFirst("(?m)^version: .*$", "version: \"" + uploaded + "\"") + """

                  - id: rollback-canary
                    description: A test rule only this test's alerts meet
                    when:
                      tags: [%s]
                    then:
                      severity: CRITICAL
                """.formatted(tag);
        assertThat(send("PUT", "/api/policy", MANAGER, "application/yaml", document).statusCode()).isEqualTo(200);

        // when: back to the shipped default
        HttpResponse<String> toDefault = send("POST", "/api/policy/versions/" + shipped + "/activation", MANAGER, null, null);

        // then: the default's rules, under a new version
        assertThat(toDefault.statusCode()).as(toDefault.body()).isEqualTo(200);
        String restoredDefault = JSON.readTree(toDefault.body()).get("version").asString();
        assertThat(restoredDefault).startsWith(shipped + "+restored.");
        assertThat(JSON.readTree(toDefault.body()).get("restoredFrom").asString()).isEqualTo(shipped);
        HttpResponse<String> active = send("GET", "/api/policy", VIEWER, null, null);
        assertThat(active.headers().firstValue("Vigie-Policy-Version")).contains(restoredDefault);
        assertThat(active.body()).contains("version: \"" + restoredDefault + "\"").doesNotContain("rollback-canary");
        JsonNode versions = getJson("/api/policy/versions", VIEWER);
        assertThat(versions.get(0).get("version").asString()).isEqualTo(restoredDefault);
        assertThat(versions.get(0).get("activatedBy").asString()).isEqualTo(MANAGER);
        assertThat(versions.get(0).get("restoredFrom").asString()).isEqualTo(shipped);
        assertThat(versions.get(0).get("active").asBoolean()).isTrue();
        assertThat(versions.get(1).get("version").asString()).as("the history is kept").isEqualTo(uploaded);
        assertThat(versions.get(1).get("active").asBoolean()).isFalse();
        assertThat(versions.get(1).has("restoredFrom")).isFalse();
        AlertClassified underDefault = classify(tag);
        assertThat(underDefault.getPolicyVersion()).isEqualTo(restoredDefault);
        assertThat(rules(underDefault)).doesNotContain("rollback-canary");

        // when: back to the upload
        HttpResponse<String> toUpload = send("POST", "/api/policy/versions/" + uploaded + "/activation", MANAGER, null, null);

        // then
        assertThat(toUpload.statusCode()).as(toUpload.body()).isEqualTo(200);
        assertThat(JSON.readTree(toUpload.body()).get("version").asString()).isEqualTo(uploaded + "+restored.1");
        versions = getJson("/api/policy/versions", VIEWER);
        assertThat(versions.get(0).get("version").asString()).isEqualTo(uploaded + "+restored.1");
        assertThat(versions.get(0).get("activatedBy").asString()).isEqualTo(MANAGER);
        assertThat(versions.get(0).get("restoredFrom").asString()).isEqualTo(uploaded);
        assertThat(versions.get(1).get("version").asString()).isEqualTo(restoredDefault);
        assertThat(versions.get(2).get("version").asString()).isEqualTo(uploaded);
        AlertClassified underUpload = classify(tag);
        assertThat(underUpload.getPolicyVersion()).isEqualTo(uploaded + "+restored.1");
        assertThat(rules(underUpload)).contains("rollback-canary");
        assertThat(underUpload.getSeverity()).isEqualTo(io.vigie.events.Severity.CRITICAL);
    }

    @Test
    void shouldListTheShippedDefaultAmongTheVersions() throws Exception {
        JsonNode versions = getJson("/api/policy/versions", VIEWER);

        JsonNode shipped = versions.get(versions.size() - 1);
        assertThat(shipped.get("shipped").asBoolean()).isTrue();
        assertThat(shipped.get("version").asString()).isEqualTo(PolicyParser.parse(
                new ClassPathResource("policy/default-policy.yml").getContentAsString(StandardCharsets.UTF_8)).version());
    }

    @Test
    void shouldAnswer404ForAVersionNeverActivatedAndChangeNothing() throws Exception {
        String active = send("GET", "/api/policy", VIEWER, null, null).headers().firstValue("Vigie-Policy-Version").orElseThrow();

        HttpResponse<String> response = send("POST", "/api/policy/versions/never-" + UUID.randomUUID() + "/activation",
                MANAGER, null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("GET /api/policy/versions");
        assertThat(send("GET", "/api/policy", VIEWER, null, null).headers().firstValue("Vigie-Policy-Version"))
                .contains(active);
    }

    @Test
    void shouldLetOnlyAManagerRollBack() throws Exception {
        String path = "/api/policy/versions/" + shippedVersion() + "/activation";

        assertThat(send("POST", path, VIEWER, null, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", path, null, null, null).statusCode()).isEqualTo(401);
    }

    private String shippedVersion() throws Exception {
        JsonNode versions = getJson("/api/policy/versions", VIEWER);
        return versions.get(versions.size() - 1).get("version").asString();
    }

    private AlertClassified classify(String tag) {
        AlertRaised alert = alert(a -> a.setTitle("Rollback probe").setSeverityHint(io.vigie.events.Severity.LOW)
                .setAsset("rb-" + a.getAlertId()).setTags(List.of(tag)));
        publish(alert);
        return awaitClassification(alert);
    }
}
