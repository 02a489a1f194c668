package io.vigie.triage.policy;

import io.vigie.triage.web.InputError;
import io.vigie.triage.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                      resolutionEta: 90m
                """);

        Rule rule = policy.rules().get(0);
        assertThat(policy.version()).isEqualTo("v2");
        assertThat(policy.defaults().unknownAssetSeverity()).hasToString("HIGH");
        assertThat(rule.when().sources()).hasSize(1);
        assertThat(rule.when().fields()).containsKey("alertname");
        assertThat(rule.then().resolutionEta()).isEqualTo(Duration.ofMinutes(90));
        assertThat(rule.then().notifyClients()).isTrue();
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
                        .extracting(InputError::line, InputError::reason)
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
                        .extracting(InputError::reason).contains("version is required", "rules is required: a list of rules"));
    }
}
