package io.vigie.triage.policy;

import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.alert.Indicator;
import io.vigie.triage.alert.IndicatorType;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Measure;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.alert.SourceKind;
import io.vigie.triage.inventory.Criticality;
import io.vigie.triage.inventory.InventoryItem;
import io.vigie.triage.inventory.InventoryMatch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vigie.triage.alert.AlertBuilder.alert;
import static org.assertj.core.api.Assertions.assertThat;

/** The runbook cases through the shipped policy, without Spring: what each alert becomes and why. */
class DefaultPolicyTest {

    private static final Policy POLICY = ActivePolicy.defaultPolicy();

    private static final Map<String, InventoryItem> INVENTORY = Map.of(
            "ad-dc-01", item("ad-dc-01", InventoryItem.Kind.ASSET, Criticality.HIGH, List.of("acme"), DataCategory.CREDENTIALS),
            "crm-db", item("crm-db", InventoryItem.Kind.ASSET, Criticality.CRITICAL, List.of("acme", "globex"),
                    DataCategory.PERSONAL, DataCategory.FINANCIAL),
            "files-01", item("files-01", InventoryItem.Kind.ASSET, Criticality.MEDIUM, List.of("initech"), DataCategory.PERSONAL),
            "shop-web", item("shop-web", InventoryItem.Kind.SERVICE, Criticality.CRITICAL, List.of("acme"), DataCategory.OPERATIONAL),
            "app-02", item("app-02", InventoryItem.Kind.ASSET, Criticality.HIGH, List.of("globex"), DataCategory.OPERATIONAL),
            "billing-api", item("billing-api", InventoryItem.Kind.SERVICE, Criticality.HIGH, List.of("globex"), DataCategory.FINANCIAL),
            "mail-01", item("mail-01", InventoryItem.Kind.ASSET, Criticality.HIGH, List.of("acme"), DataCategory.CREDENTIALS));

    @Test
    void shouldParseTheShippedPolicy() {
        assertThat(POLICY.version()).isEqualTo("2026.12-default.1");
        assertThat(POLICY.rules()).extracting(Rule::id).contains("account-locked-after-failed-logins",
                "unauthorised-database-access", "personal-data-leak", "ddos", "malware-on-server",
                "service-outage-from-alertmanager");
    }

    @Test
    void shouldClassifyALockedAccountAfterFailedLoginsAsHighAccountCompromise() {
        Alert alert = alert().source(SourceKind.WAZUH).title("Account jdoe locked after 6 failed logins")
                .hint(Severity.MEDIUM).asset("ad-dc-01").tag("authentication_failures").account("jdoe").build();
        Classification c = classify(alert);

        assertThat(c.severity()).isEqualTo(Severity.HIGH);
        assertThat(c.category()).isEqualTo(IncidentCategory.ACCOUNT_COMPROMISE);
        assertThat(c.notifyClients()).isTrue();
        assertThat(c.affectedClients()).extracting(AffectedClient::clientId).containsExactly("acme");
        assertThat(c.personalDataInvolved()).isFalse();
        assertThat(c.measures()).containsExactly(Measure.ACCOUNT_LOCKED, Measure.ATTACK_SOURCES_BLOCKED);
        assertThat(c.estimatedResolutionAt()).isEqualTo(alert.detectedAt().plus(Duration.ofHours(4)));
        assertThat(rules(c)).containsExactly("baseline", "account-locked-after-failed-logins");
    }

    @Test
    void shouldClassifyUnauthorisedAccessToAClientDatabaseHoldingPersonalDataAsCriticalBreachLeavingGdprToRegulatory() {
        Alert alert = alert().source(SourceKind.SPLUNK).title("Unauthorized access to database crm-db from 203.0.113.9")
                .hint(Severity.HIGH).asset("crm-db").build();
        Classification c = classify(alert);

        assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.category()).isEqualTo(IncidentCategory.DATA_BREACH);
        assertThat(c.affectedClients()).extracting(AffectedClient::clientId).containsExactly("acme", "globex");
        assertThat(c.dataCategories()).contains(DataCategory.PERSONAL, DataCategory.FINANCIAL);
        assertThat(c.personalDataInvolved()).isTrue();
        assertThat(c.rationale()).filteredOn(rule -> rule.ruleId().equals("gdpr-art-33")).singleElement()
                .satisfies(rule -> assertThat(rule.description() + " " + rule.effect())
                        .contains("regulatory-service decides the obligations of clients under GDPR")
                        .doesNotContain("72", "deadline"));
        assertThat(c.measures()).containsExactly(Measure.ACCESS_REVOKED, Measure.ATTACK_SOURCES_BLOCKED,
                Measure.EVIDENCE_SECURED);
        assertThat(rules(c)).containsExactly("baseline", "unauthorised-database-access", "personal-data-breach", "gdpr-art-33");
    }

    @Test
    void shouldClassifyAPersonalDataLeakAsCriticalBreach() {
        Classification c = classify(alert().source(SourceKind.ELASTIC)
                .title("Personal data exfiltration detected: 12000 customer records").tag("dlp")
                .hint(Severity.MEDIUM).asset("files-01").build());

        assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.category()).isEqualTo(IncidentCategory.DATA_BREACH);
        assertThat(c.affectedClients()).extracting(AffectedClient::clientId).containsExactly("initech");
        assertThat(c.personalDataInvolved()).isTrue();
        assertThat(c.measures()).containsExactly(Measure.LEAK_CHANNEL_CLOSED, Measure.AFFECTED_RECORDS_IDENTIFIED);
        assertThat(rules(c)).containsExactly("baseline", "personal-data-leak", "personal-data-breach", "gdpr-art-33");
    }

    @Test
    void shouldNoteButNotTakeAsPersonalDataTheGdprMappingOfARoutineRule() {
        // Wazuh's sshd brute-force rule 5712 maps to GDPR Art. 35(7)(d) and 32(2); alert-intake tags them gdpr:<ref>.
        // That says the rule matters to GDPR compliance, not that personal data was breached.
        Alert alert = alert().source(SourceKind.WAZUH)
                .title("sshd: brute force trying to get access to the system. Non existent user.").hint(Severity.HIGH)
                .asset("app-02").tag("sshd").tag("authentication_failures").tag("gdpr:IV_35.7.d").tag("gdpr:IV_32.2")
                .build();
        Classification c = classify(alert);

        assertThat(c.personalDataInvolved()).isFalse();
        assertThat(c.rationale()).filteredOn(rule -> rule.ruleId().equals("gdpr-mapping-noted"))
                .singleElement().satisfies(rule -> assertThat(rule.description())
                        .contains("gdpr:IV_35.7.d, gdpr:IV_32.2", "ACCOUNT_COMPROMISE", "no personal-data breach"));
        assertThat(rules(c)).doesNotContain("personal-data-tagged-by-source", "gdpr-art-33");
    }

    @Test
    void shouldInvolvePersonalDataWhenTheSourceTagsADataIncidentOrNamesTheBreachArticles() {
        Classification database = classify(alert().source(SourceKind.WAZUH)
                .title("Unauthorized access to database patient_records by account report_ro").hint(Severity.HIGH)
                .asset("app-02").tag("database-intrusion").tag("gdpr:IV_35.7.d").tag("gdpr:IV_32.2").build());
        Classification breachArticle = classify(alert().source(SourceKind.WAZUH)
                .title("Audit: records sent to an external address").asset("app-02").tag("gdpr:IV_33").build());
        Classification untagged = classify(alert().source(SourceKind.WAZUH)
                .title("Unauthorized access to database patient_records by account report_ro").hint(Severity.HIGH)
                .asset("app-02").tag("database-intrusion").tag("gdpr_like").build());

        assertThat(database.personalDataInvolved()).isTrue();
        assertThat(database.rationale()).filteredOn(rule -> rule.ruleId().equals("personal-data-tagged-by-source"))
                .singleElement().satisfies(rule -> assertThat(rule.description()).contains("gdpr:IV_35.7.d, gdpr:IV_32.2"));
        assertThat(rules(database)).containsSubsequence("personal-data-tagged-by-source", "gdpr-art-33")
                .doesNotContain("personal-data-breach");
        assertThat(database.dataCategories()).as("the tag flags the incident; the inventory still says what data is held")
                .doesNotContain(DataCategory.PERSONAL);
        assertThat(breachArticle.personalDataInvolved()).as("Art. 33 named by the source").isTrue();
        assertThat(database.severity()).isEqualTo(untagged.severity());
        assertThat(untagged.personalDataInvolved()).isFalse();
        assertThat(rules(untagged)).doesNotContain("personal-data-tagged-by-source", "gdpr-art-33");
    }

    @Test
    void shouldTakeAGdprGroupOnADataIncidentAsTheSourceSayingPersonalDataAndSayWhenTheInventoryAlreadyDid() {
        Classification grouped = classify(alert().source(SourceKind.WAZUH).title("Web server 400 error code.")
                .asset("app-02").tag("web").tag("GDPR").build());
        Classification c = classify(alert().source(SourceKind.ELASTIC)
                .title("Personal data exfiltration detected: 12000 customer records").tag("dlp").tag("gdpr")
                .asset("files-01").build());

        assertThat(grouped.personalDataInvolved()).as("a web error is not about data").isFalse();
        assertThat(rules(grouped)).contains("gdpr-mapping-noted");

        assertThat(c.personalDataInvolved()).isTrue();
        assertThat(c.rationale()).filteredOn(rule -> rule.ruleId().equals("personal-data-tagged-by-source"))
                .singleElement().satisfies(rule -> {
                    assertThat(rule.description()).endsWith(": gdpr");
                    assertThat(rule.effect()).isEqualTo("personal data already involved");
                });
    }

    @Test
    void shouldClassifyADdosOnACriticalServiceAsCriticalOutage() {
        Classification c = classify(alert().title("DDoS: SYN flood against shop-web").tag("ddos").service("shop-web").build());

        assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.category()).isEqualTo(IncidentCategory.DDOS_OUTAGE);
        assertThat(c.affectedClients()).extracting(AffectedClient::clientId).containsExactly("acme");
        assertThat(c.personalDataInvolved()).isFalse();
        assertThat(c.measures()).containsExactly(Measure.TRAFFIC_FILTERING);
        assertThat(rules(c)).containsExactly("baseline", "ddos", "operations-hit-on-critical-asset");
    }

    @Test
    void shouldClassifyMalwareOnAServerAsHighMalware() {
        Classification c = classify(alert().source(SourceKind.WAZUH).title("Trojan detected on app-02").tag("malware")
                .hint(Severity.HIGH).asset("app-02").build());

        assertThat(c.severity()).isEqualTo(Severity.HIGH);
        assertThat(c.category()).isEqualTo(IncidentCategory.MALWARE);
        assertThat(c.dataCategories()).containsExactly(DataCategory.OPERATIONAL);
        assertThat(c.affectedClients()).extracting(AffectedClient::clientId).containsExactly("globex");
        assertThat(c.measures()).containsExactly(Measure.SYSTEM_ISOLATED);
        assertThat(rules(c)).containsExactly("baseline", "malware-on-server");
    }

    @Test
    void shouldRaiseMalwareWithAKnownHashByOneLevelAndNameTheMatch() {
        Indicator hash = new Indicator(IndicatorType.FILE_HASH, "44D88612FEA8A8F36DE82E1278ABB02F");
        Classification c = classify(alert().source(SourceKind.WAZUH).title("Trojan detected on app-02").tag("malware")
                .hint(Severity.HIGH).asset("app-02").indicator(IndicatorType.FILE_HASH, hash.value()).build(), List.of(hash));

        assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.matchedIndicators()).containsExactly(hash);
        assertThat(c.measures()).containsExactly(Measure.SYSTEM_ISOLATED, Measure.INDICATORS_BLOCKED);
        assertThat(c.rationale()).filteredOn(rule -> rule.ruleId().equals("known-threats"))
                .singleElement().extracting(RuleFired::description).asString()
                .contains("FILE_HASH:44d88612fea8a8f36de82e1278abb02f");
        assertThat(c.rationale()).filteredOn(rule -> rule.ruleId().equals("known-threat-indicator"))
                .singleElement().extracting(RuleFired::effect).asString()
                .contains("severity HIGH -> CRITICAL", "measures [INDICATORS_BLOCKED]");
    }

    @Test
    void shouldClassifyAnAlertmanagerOutageAsHighOutage() {
        Classification c = classify(alert().source(SourceKind.ALERTMANAGER).title("InstanceDown: billing-api is unreachable")
                .attribute("alertname", "InstanceDown").hint(Severity.MEDIUM).service("billing-api").build());

        assertThat(c.severity()).isEqualTo(Severity.HIGH);
        assertThat(c.category()).isEqualTo(IncidentCategory.DDOS_OUTAGE);
        assertThat(c.affectedClients()).extracting(AffectedClient::clientId).containsExactly("globex");
        assertThat(c.notifyClients()).isTrue();
        assertThat(c.measures()).containsExactly(Measure.ON_CALL_ENGINEER_ENGAGED);
        assertThat(rules(c)).containsExactly("baseline", "service-outage-from-alertmanager");
    }

    @Test
    void shouldClassifyAnAlertAboutAnUnknownAssetConservativelyAndOnlySuggestTheClientAnUnboundSourceNames() {
        Classification c = classify(alert().title("Suspicious process").hint(Severity.LOW).asset("ghost-07")
                .clientHint("acme").build());

        assertThat(c.unknownAsset()).isTrue();
        assertThat(c.severity()).isEqualTo(Severity.HIGH);
        assertThat(c.affectedClients()).isEmpty();
        assertThat(c.suggestedClients()).extracting(AffectedClient::clientId).containsExactly("acme");
        assertThat(rules(c)).containsExactly("baseline", "informational", "unknown-asset", "suggested-client");
        RuleFired unknown = c.rationale().get(2);
        assertThat(unknown.description()).contains("ghost-07 not in the inventory");
        assertThat(unknown.effect()).isEqualTo("severity LOW -> HIGH");
    }

    @Test
    void shouldMarkTheClientForOutOfBandNoticesWhenItsMailServerIsCompromised() {
        Classification c = classify(alert().title("Backdoor found on mail-01").tag("malware").asset("mail-01").build());

        assertThat(c.affectedClients()).singleElement().satisfies(client -> {
            assertThat(client.clientId()).isEqualTo("acme");
            assertThat(client.emailMayBeCompromised()).isTrue();
        });
    }

    @Test
    void shouldRecordWhatTheRulesDidAsMeasureCodes() {
        // the rules with measures all fire on this alert
        Classification c = classify(alert().source(SourceKind.ALERTMANAGER).title("Ransomware and DDoS: crm-db down")
                .attribute("alertname", "InstanceDown").tag("malware").tag("ddos").tag("dlp").tag("lateral-movement")
                .tag("authentication_failures").tag("unauthorized-db-access").tag("phishing").asset("crm-db")
                .indicator(IndicatorType.IP, "203.0.113.9").build(), List.of(new Indicator(IndicatorType.IP, "203.0.113.9")));

        assertThat(c.measures()).containsExactlyInAnyOrder(Measure.ACCOUNT_LOCKED, Measure.ATTACK_SOURCES_BLOCKED,
                Measure.ACCESS_REVOKED, Measure.EVIDENCE_SECURED, Measure.LEAK_CHANNEL_CLOSED,
                Measure.AFFECTED_RECORDS_IDENTIFIED, Measure.TRAFFIC_FILTERING, Measure.SYSTEM_ISOLATED,
                Measure.ON_CALL_ENGINEER_ENGAGED, Measure.INDICATORS_BLOCKED, Measure.NEIGHBOURING_SYSTEMS_CHECKED);
    }

    @Test
    void shouldKeepLowInformationLow() {
        Classification c = classify(alert().title("Configuration backup completed").hint(Severity.LOW).asset("app-02").build());

        assertThat(c.severity()).isEqualTo(Severity.LOW);
        assertThat(c.notifyClients()).isFalse();
        assertThat(rules(c)).containsExactly("baseline", "informational");
    }

    private static Classification classify(Alert alert) {
        return classify(alert, List.of());
    }

    private static Classification classify(Alert alert, List<Indicator> knownThreats) {
        List<InventoryItem> items = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Optional<String> name : List.of(alert.affected().assetName(), alert.affected().serviceName())) {
            name.ifPresent(value -> {
                if (INVENTORY.containsKey(value)) {
                    items.add(INVENTORY.get(value));
                } else {
                    unknown.add(value);
                }
            });
        }
        return PolicyEvaluator.classify(POLICY, alert, InventoryMatch.of(items, unknown), knownThreats);
    }

    private static List<String> rules(Classification c) {
        return c.rationale().stream().map(RuleFired::ruleId).toList();
    }

    private static InventoryItem item(String name, InventoryItem.Kind kind, Criticality criticality, List<String> clients,
                                      DataCategory... data) {
        return new InventoryItem(name, kind, criticality, clients, List.of(data), null);
    }
}
