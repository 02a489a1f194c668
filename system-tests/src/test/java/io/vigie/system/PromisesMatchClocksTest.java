package io.vigie.system;

import io.vigie.cases.incident.Severity;
import io.vigie.cases.sla.SlaProperties;
import io.vigie.triage.policy.Policy;
import io.vigie.triage.policy.PolicyParser;
import io.vigie.triage.policy.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client is promised must not contradict what the SOC holds itself to. triage-service's shipped policy gives
 * each kind of incident an estimated resolution, which the first notice tells the client; case-service owns the SLA
 * targets, and its RESOLVE clock counts against them. A notice promising 48 hours for an incident whose clock says 24
 * would tell the client the SOC expects to miss its own target. Neither rule is copied: this test reads both owners.
 */
class PromisesMatchClocksTest {

    @Test
    void shouldNeverPromiseAResolutionLaterThanTheResolveTargetOfTheSeverityTheRuleSets() throws IOException {
        SlaProperties targets = SlaProperties.defaults();
        Policy policy;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("policy/default-policy.yml")) {
            policy = PolicyParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        int checked = 0;
        for (Rule rule : policy.rules()) {
            Duration eta = rule.then().resolutionEta();
            var severity = rule.then().severity() != null ? rule.then().severity() : rule.then().raiseTo();
            if (eta == null || severity == null) {
                continue;
            }
            Duration resolve = targets.of(Severity.valueOf(severity.name())).toResolve();
            assertThat(eta).as("rule %s promises %s at %s, whose resolve target is %s", rule.id(), eta, severity,
                    resolve).isLessThanOrEqualTo(resolve);
            checked++;
        }
        assertThat(checked).as("rules with an estimated resolution").isGreaterThanOrEqualTo(5);
    }
}
