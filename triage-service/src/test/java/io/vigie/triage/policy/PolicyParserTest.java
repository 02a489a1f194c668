package io.vigie.triage.policy;

import io.vigie.triage.alert.Measure;
import io.vigie.triage.web.InputError;
import io.vigie.triage.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PolicyParserTest {

    @Test
    void shouldReadConditionsAndActions() {
        Policy policy = PolicyParser.parse("""
                version: v2
                rules:
                  - id: outage
                    description: An outage
                    when:
                      source: [alertmanager]
                      text: 'down'
                      fields: {alertname: '.*Down'}
                    then:
                      category: ddos-outage
                      raiseTo: high
                      notify: true
                      measures: [on-call-engineer-engaged, SERVICE_RESTORED]
                      resolutionEta: 90m
                """);

        Rule rule = policy.rules().get(0);
        assertThat(policy.version()).isEqualTo("v2");
        assertThat(policy.defaults().unknownAssetSeverity()).hasToString("HIGH");
        assertThat(rule.when().alert().sources()).hasSize(1);
        assertThat(rule.when().alert().fields()).containsKey("alertname");
        assertThat(rule.then().resolutionEta()).isEqualTo(Duration.ofMinutes(90));
        assertThat(rule.then().notifyClients()).isTrue();
        assertThat(rule.then().measures()).containsExactly(Measure.ON_CALL_ENGINEER_ENGAGED, Measure.SERVICE_RESTORED);
    }

    @Test
    void shouldRefuseClientWordingNamingTheRuleTheKeyAndWhereTheWordingWent() {
        String document = """
                version: v5
                rules:
                  - id: locked
                    when: {tags: [lockout]}
                    then:
                      raiseTo: HIGH
                      impact: The account is locked.
                      measuresTaken:
                        - The account was locked automatically.
                      resolutionPlan: We unlock it.
                      recommendedActions: [Turn on MFA.]
                """;

        assertThatThrownBy(() -> PolicyParser.parse(document)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InputError::line, InputError::field, InputError::message)
                        .containsExactly(
                                tuple(7, "rules[0].then.impact", "rule locked: 'impact' is no longer part of the policy: "
                                        + "client wording now belongs to notification-service's phrase catalogue; remove it"),
                                tuple(8, "rules[0].then.measuresTaken", "rule locked: 'measuresTaken' is no longer part "
                                        + "of the policy: client wording now belongs to notification-service's phrase "
                                        + "catalogue; list what was done as codes under 'measures'"),
                                tuple(10, "rules[0].then.resolutionPlan", "rule locked: 'resolutionPlan' is no longer "
                                        + "part of the policy: client wording now belongs to notification-service's "
                                        + "phrase catalogue; remove it"),
                                tuple(11, "rules[0].then.recommendedActions", "rule locked: 'recommendedActions' is no "
                                        + "longer part of the policy: client wording now belongs to "
                                        + "notification-service's phrase catalogue; remove it")));
    }

    @Test
    void shouldRefuseAnUnknownMeasureListingTheAllowedCodes() {
        String document = """
                version: v6
                rules:
                  - id: outage
                    when: {tags: [down]}
                    then:
                      measures: [ON_CALL_ENGINEER_ENGAGED, The on-call engineer was paged.]
                """;

        assertThatThrownBy(() -> PolicyParser.parse(document)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.line()).isEqualTo(6);
                    assertThat(error.field()).isEqualTo("rules[0].then.measures[1]");
                    assertThat(error.message()).startsWith("rule outage: unknown measure 'The on-call engineer was "
                            + "paged.' under measures; allowed: ANALYSIS_STARTED, ACCOUNT_LOCKED, ");
                    assertThat(error.allowed()).hasSize(Measure.values().length).contains("OTHER", "SYSTEM_ISOLATED");
                }));
    }

    @Test
    void shouldReadAPolicyActivatedBeforeLeavingItsClientWordingOutAndListingIt() {
        PolicyParser.Stored stored = PolicyParser.parseStored("""
                version: "2026.11-custom.3"
                rules:
                  - id: locked
                    when: {tags: [lockout]}
                    then:
                      raiseTo: HIGH
                      measuresTaken: [The account was locked automatically.]
                  - id: phishing
                    when: {tags: [phishing]}
                    then:
                      recommendedActions: [Delete the message.]
                """);

        assertThat(stored.policy().rules()).extracting(Rule::id).containsExactly("locked", "phishing");
        assertThat(stored.policy().rules().get(0).then().raiseTo()).hasToString("HIGH");
        assertThat(stored.policy().rules().get(0).then().measures()).isEmpty();
        assertThat(stored.ignored()).extracting(InputError::line, InputError::field)
                .containsExactly(tuple(7, "rules[0].then.measuresTaken"), tuple(11, "rules[1].then.recommendedActions"));
        assertThatThrownBy(() -> PolicyParser.parseStored("version: v7\nrules:\n  - id: x\n    when: {tags: [a]}\n"
                + "    then: {severity: URGENT}\n")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldRefuseAPolicyNamingEveryMistakeWithItsLine() {
        String document = """
                version: v3
                rules:
                  - id: one
                    when:
                      text: '(unclosed'
                    then:
                      severity: SEVERE
                  - id: one
                    when:
                      colour: blue
                    then:
                      raiseTo: HIGH
                """;

        assertThatThrownBy(() -> PolicyParser.parse(document))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::line, InputError::message)
                        .anySatisfy(error -> assertThat(error.toList()).first().isEqualTo(5))
                        .anySatisfy(error -> assertThat(error.toList().get(1).toString()).contains("unknown severity 'SEVERE'"))
                        .anySatisfy(error -> assertThat(error.toList().get(1).toString()).contains("used twice"))
                        .anySatisfy(error -> assertThat(error.toList()).containsExactly(10,
                                "unknown key 'colour'; expected one of [source, severityHint, severityHintAtLeast, text, tags, "
                                        + "fields, assetCriticality, assetCriticalityAtLeast, dataCategories, indicatorMatch, "
                                        + "indicatorTypes, unknownAsset, resolvedBySource, category, severityAtLeast, "
                                        + "minAccounts, minIpAddresses, anyOf]")));
    }

    @Test
    void shouldRefuseBrokenYamlWithTheLineOfTheMistake() {
        assertThatThrownBy(() -> PolicyParser.parse("version: v4\nrules:\n  - id: x\n    when: [unclosed\n"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).singleElement().extracting(InputError::line).isEqualTo(5));
    }

    @Test
    void shouldRequireAVersionAndRules() {
        assertThatThrownBy(() -> PolicyParser.parse("description: nothing\n"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::message).contains("version is required", "rules is required: a list of rules"));
    }

    @Test
    void shouldGiveADocumentANewVersionKeepingEveryOtherLine() {
        String document = "# why this policy\r\nversion: '2026.1' # first\r\nrules: []\r\n";

        String renamed = PolicyParser.withVersion(document, "2026.1+restored.1");

        assertThat(renamed).isEqualTo("# why this policy\r\nversion: \"2026.1+restored.1\"\r\nrules: []\r\n");
        assertThat(PolicyParser.parse(renamed).version()).isEqualTo("2026.1+restored.1");
        assertThatThrownBy(() -> PolicyParser.withVersion("{version: '2026.1', rules: []}", "2026.1+restored.1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::field).containsExactly("version"));
    }
}
