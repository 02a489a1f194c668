package io.vigie.triage.policy;

import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Measure;
import io.vigie.events.Severity;
import io.vigie.triage.TriageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyApiIT extends TriageIntegrationTest {

    @Test
    void shouldRefuseABadPolicyNamingTheLineAndKeepClassifyingWithTheActiveOne() throws Exception {
        String active = send("GET", "/api/policy", VIEWER, null, null).headers().firstValue("Vigie-Policy-Version").orElseThrow();
        String bad = """
                version: bad-%s
                rules:
                  - id: broken
                    when:
                      tags: [x]
                    then:
                      severity: URGENT
                """.formatted(UUID.randomUUID());

        HttpResponse<String> refused = send("PUT", "/api/policy", MANAGER, "application/yaml", bad);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(7);
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("unknown severity 'URGENT'");
        assertThat(problem.get("detail").asString()).contains("the active policy is unchanged");
        assertThat(refused.body()).doesNotContain("Exception");
        assertThat(send("GET", "/api/policy", VIEWER, null, null).headers().firstValue("Vigie-Policy-Version"))
                .contains(active);

        String asset = "ws-" + UUID.randomUUID();
        AlertRaised alert = alert(a -> a.setTitle("Account mia locked after 9 failed logins").setAsset(asset)
                .setTags(List.of("authentication_failures")));
        publish(alert);
        AlertClassified classified = awaitClassification(alert);
        assertThat(classified.getPolicyVersion()).isEqualTo(active);
        assertThat(rules(classified)).contains("account-locked-after-failed-logins");
    }

    @Test
    void shouldRefuseAPolicyStillHoldingClientWordingNamingTheRuleAndTheKey() throws Exception {
        String active = send("GET", "/api/policy", VIEWER, null, null).headers().firstValue("Vigie-Policy-Version").orElseThrow();
        String worded = """
                version: worded-%s
                rules:
                  - id: outage
                    when:
                      tags: [down]
                    then:
                      notify: true
                      impact: The service is unavailable to its users.
                      measuresTaken: [The on-call engineer was paged.]
                """.formatted(UUID.randomUUID());

        HttpResponse<String> refused = send("PUT", "/api/policy", MANAGER, "application/yaml", worded);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.size()).isEqualTo(2);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(8);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("rules[0].then.impact");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("rule outage: 'impact' is no longer part of the "
                + "policy: client wording now belongs to notification-service's phrase catalogue; remove it");
        assertThat(errors.get(0).has("allowed")).isFalse();
        assertThat(errors.get(1).get("field").asString()).isEqualTo("rules[0].then.measuresTaken");
        assertThat(errors.get(1).get("message").asString()).contains("rule outage", "phrase catalogue",
                "as codes under 'measures'");
        assertThat(errors.get(1).get("allowed").toString()).contains("ON_CALL_ENGINEER_ENGAGED");
        assertThat(send("GET", "/api/policy", VIEWER, null, null).headers().firstValue("Vigie-Policy-Version"))
                .contains(active);
    }

    @Test
    void shouldRefuseAnUnknownMeasureListingTheAllowedCodes() throws Exception {
        String policy = """
                version: measured-%s
                rules:
                  - id: outage
                    when:
                      tags: [down]
                    then:
                      measures: [ON_CALL_ENGINEER_ENGAGED, PAGED_SOMEONE]
                """.formatted(UUID.randomUUID());

        HttpResponse<String> refused = send("PUT", "/api/policy", MANAGER, "application/yaml", policy);

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(7);
        assertThat(error.get("field").asString()).isEqualTo("rules[0].then.measures[1]");
        assertThat(error.get("message").asString()).startsWith("rule outage: unknown measure 'PAGED_SOMEONE' under measures; "
                + "allowed: ANALYSIS_STARTED, ACCOUNT_LOCKED");
        List<String> allowed = new ArrayList<>();
        error.get("allowed").forEach(code -> allowed.add(code.asString()));
        assertThat(allowed).hasSize(Measure.values().length).contains("ON_CALL_ENGINEER_ENGAGED", "OTHER");
    }

    @Test
    void shouldRefuseBrokenYamlWithTheLineOfTheMistake() throws Exception {
        HttpResponse<String> refused = send("PUT", "/api/policy", MANAGER, "application/yaml",
                "version: v\nrules:\n  - id: x\n    when: {tags: [a]\n");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("line").asInt()).isEqualTo(5);
    }

    @Test
    void shouldLetOnlyAManagerReplaceThePolicy() throws Exception {
        HttpResponse<String> response = send("PUT", "/api/policy", VIEWER, "application/yaml", "version: v\nrules: []\n");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void shouldClassifyWithANewlyActivatedPolicyAndRefuseItsVersionTwice() throws Exception {
        String current = send("GET", "/api/policy", VIEWER, null, null).body();
        String version = "it-" + UUID.randomUUID();
        String tag = "canary-" + UUID.randomUUID();
        String next = current.replaceFirst("(?m)^version: .*$", "version: \"" + version + "\"") + """

                  - id: it-canary
                    description: A test rule only canary alerts meet
                    when:
                      tags: [%s]
                    then:
                      severity: CRITICAL
                      category: POLICY_VIOLATION
                """.formatted(tag);

        HttpResponse<String> activated = send("PUT", "/api/policy", MANAGER, "application/yaml", next);
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(JSON.readTree(activated.body()).get("version").asString()).isEqualTo(version);

        AlertRaised alert = alert(a -> a.setTitle("USB storage mounted").setSeverityHint(Severity.LOW)
                .setAsset("usb-" + a.getAlertId()).setTags(List.of(tag)));
        publish(alert);
        AlertClassified classified = awaitClassification(alert);
        assertThat(classified.getPolicyVersion()).isEqualTo(version);
        assertThat(classified.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(classified.getCategory()).isEqualTo(IncidentCategory.POLICY_VIOLATION);
        assertThat(rules(classified)).contains("it-canary");

        JsonNode versions = getJson("/api/policy/versions", VIEWER);
        assertThat(versions.get(0).get("version").asString()).isEqualTo(version);
        assertThat(versions.get(0).get("activatedBy").asString()).isEqualTo(MANAGER);
        assertThat(versions.get(0).get("active").asBoolean()).isTrue();
        assertThat(send("PUT", "/api/policy", MANAGER, "application/yaml", next).statusCode()).isEqualTo(409);
    }
}
