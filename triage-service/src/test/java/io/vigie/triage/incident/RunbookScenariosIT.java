package io.vigie.triage.incident;

import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClassificationChange;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Indicator;
import io.vigie.events.IndicatorType;
import io.vigie.events.Measure;
import io.vigie.events.RuleFired;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.triage.TriageIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each runbook case of the default policy, from AlertRaised on the broker to AlertClassified on the broker. */
class RunbookScenariosIT extends TriageIntegrationTest {

    @Test
    void shouldOpenAHighAccountCompromiseForALockedAccountAfterFailedLogins() throws Exception {
        String dc = knownAsset("ad-dc", "ASSET", "HIGH", "acme", "CREDENTIALS");
        AlertRaised alert = alert(a -> a.setSource(SourceKind.WAZUH).setTitle("Account jdoe locked after 6 failed logins")
                .setAsset(dc).setTags(List.of("authentication_failures")).setAccounts(List.of("jdoe")));
        publish(alert);

        AlertClassified classified = awaitClassification(alert);
        assertThat(classified.getChange()).isEqualTo(ClassificationChange.OPENED);
        assertThat(classified.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(classified.getCategory()).isEqualTo(IncidentCategory.ACCOUNT_COMPROMISE);
        assertThat(clients(classified)).containsExactly("acme");
        assertThat(classified.getPersonalDataInvolved()).isFalse();
        assertThat(classified.getNotifyClients()).isTrue();
        assertThat(classified.getAccounts()).containsExactly("jdoe");
        assertThat(classified.getMeasures()).containsExactly(Measure.ACCOUNT_LOCKED, Measure.ATTACK_SOURCES_BLOCKED);
        assertThat(classified.getImpact()).isNull();
        assertThat(classified.getMeasuresTaken()).isEmpty();
        assertThat(classified.getRecommendedActions()).isEmpty();
        assertThat(classified.getEstimatedResolutionAt()).isEqualTo(alert.getDetectedAt().plus(Duration.ofHours(4)));
        assertThat(rules(classified)).containsExactly("baseline", "account-locked-after-failed-logins");
        assertThat(classified.getPolicyVersion()).isNotBlank();
    }

    @Test
    void shouldOpenACriticalBreachInvolvingPersonalDataForUnauthorisedAccessToAClientDatabase() throws Exception {
        String database = knownAsset("crm-db", "ASSET", "CRITICAL", "acme;globex", "PERSONAL;FINANCIAL");
        AlertRaised alert = alert(a -> a.setSource(SourceKind.SPLUNK).setSeverityHint(Severity.HIGH)
                .setTitle("Unauthorized access to database " + database + " from 203.0.113.9").setAsset(database));
        publish(alert);

        AlertClassified classified = awaitClassification(alert);
        assertThat(classified.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(classified.getCategory()).isEqualTo(IncidentCategory.DATA_BREACH);
        assertThat(clients(classified)).containsExactly("acme", "globex");
        assertThat(classified.getPersonalDataInvolved()).isTrue();
        // The GDPR deadlines are regulatory-service's to set (RegulatoryReportChanged), not triage's
        assertThat(classified.getGdprDeadline()).isNull();
        assertThat(rules(classified)).containsExactly("baseline", "unauthorised-database-access", "personal-data-breach",
                "gdpr-art-33");
    }

    @Test
    void shouldOpenACriticalBreachForAPersonalDataLeak() throws Exception {
        String files = knownAsset("files", "ASSET", "MEDIUM", "initech", "PERSONAL");
        AlertRaised alert = alert(a -> a.setSource(SourceKind.ELASTIC).setAsset(files).setTags(List.of("dlp"))
                .setTitle("Personal data exfiltration detected: 12000 customer records"));
        publish(alert);

        AlertClassified classified = awaitClassification(alert);
        assertThat(classified.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(classified.getCategory()).isEqualTo(IncidentCategory.DATA_BREACH);
        assertThat(clients(classified)).containsExactly("initech");
        assertThat(classified.getPersonalDataInvolved()).isTrue();
        assertThat(classified.getGdprDeadline()).isNull();
        assertThat(rules(classified)).containsExactly("baseline", "personal-data-leak", "personal-data-breach", "gdpr-art-33");
    }

    @Test
    void shouldNoteButNotTakeAsPersonalDataWazuhsGdprMappingOfABruteForceRule() throws Exception {
        String bastion = knownAsset("bastion", "ASSET", "HIGH", "acme", "CREDENTIALS");
        AlertRaised alert = alert(a -> a.setSource(SourceKind.WAZUH).setSeverityHint(Severity.HIGH).setAsset(bastion)
                .setTitle("sshd: brute force trying to get access to the system. Non existent user.")
                .setTags(List.of("syslog", "sshd", "authentication_failures", "T1110", "gdpr:IV_35.7.d", "gdpr:IV_32.2")));
        publish(alert);

        AlertClassified classified = awaitClassification(alert);
        assertThat(classified.getPersonalDataInvolved()).isFalse();
        assertThat(classified.getGdprDeadline()).isNull();
        assertThat(classified.getRationale()).filteredOn(rule -> rule.getRuleId().equals("gdpr-mapping-noted"))
                .singleElement().satisfies(rule -> assertThat(rule.getDescription()).contains("gdpr:IV_35.7.d"));
        assertThat(rules(classified)).doesNotContain("gdpr-art-33", "personal-data-breach");
    }

    @Test
    void shouldCountClassificationsBySeverityAndCategoryAndTheRulesFired() throws Exception {
        AlertRaised alert = alert(a -> a.setAsset("share-" + a.getAlertId()).setTags(List.of("exfiltration"))
                .setTitle("Customer records exposed on a public share"));
        publish(alert);
        awaitClassification(alert);

        String metrics = send("GET", "/actuator/prometheus", null, null, null).body();
        assertThat(metrics).containsPattern("vigie_triage_classifications_total\\{[^}]*category=\"DATA_BREACH\"[^}]*"
                + "severity=\"CRITICAL\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("vigie_triage_rules_fired_total\\{[^}]*rule=\"personal-data-leak\"[^}]*} [1-9]");
        assertThat(metrics).contains("vigie_triage_classification_delay_seconds_bucket");
    }

    @Test
    void shouldOpenACriticalOutageForADdosOnACriticalService() throws Exception {
        String shop = knownAsset("shop-web", "SERVICE", "CRITICAL", "acme", "OPERATIONAL");
        AlertRaised alert = alert(a -> a.setTitle("DDoS: SYN flood against " + shop).setService(shop)
                .setTags(List.of("ddos")));
        publish(alert);

        AlertClassified classified = awaitClassification(alert);
        assertThat(classified.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(classified.getCategory()).isEqualTo(IncidentCategory.DDOS_OUTAGE);
        assertThat(clients(classified)).containsExactly("acme");
        assertThat(classified.getAffectedServices()).containsExactly(shop);
        assertThat(classified.getPersonalDataInvolved()).isFalse();
        assertThat(rules(classified)).containsExactly("baseline", "ddos", "operations-hit-on-critical-asset");
    }

    @Test
    void shouldOpenAHighMalwareIncidentForMalwareOnAServer() throws Exception {
        String server = knownAsset("app", "ASSET", "HIGH", "globex", "OPERATIONAL");
        AlertRaised alert = alert(a -> a.setSource(SourceKind.WAZUH).setSeverityHint(Severity.HIGH)
                .setTitle("Trojan detected on " + server).setAsset(server).setTags(List.of("malware")));
        publish(alert);

        AlertClassified classified = awaitClassification(alert);
        assertThat(classified.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(classified.getCategory()).isEqualTo(IncidentCategory.MALWARE);
        assertThat(clients(classified)).containsExactly("globex");
        assertThat(classified.getPersonalDataInvolved()).isFalse();
        assertThat(rules(classified)).containsExactly("baseline", "malware-on-server");
    }

    @Test
    void shouldOpenAHighOutageForAServiceDownInAlertmanager() throws Exception {
        String billing = knownAsset("billing-api", "SERVICE", "HIGH", "globex", "FINANCIAL");
        AlertRaised alert = alert(a -> a.setSource(SourceKind.ALERTMANAGER).setTitle("InstanceDown: " + billing + " is unreachable")
                .setService(billing).setAttributes(Map.of("alertname", "InstanceDown")));
        publish(alert);

        AlertClassified classified = awaitClassification(alert);
        assertThat(classified.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(classified.getCategory()).isEqualTo(IncidentCategory.DDOS_OUTAGE);
        assertThat(clients(classified)).containsExactly("globex");
        assertThat(classified.getNotifyClients()).isTrue();
        assertThat(rules(classified)).containsExactly("baseline", "service-outage-from-alertmanager");
    }

    @Test
    void shouldRaiseSeverityAndNameTheMatchWhenAnIndicatorIsAKnownThreat() throws Exception {
        String indicators = """
                indicators:
                  - type: ip
                    value: 198.51.100.66
                    description: C2 server, threat feed 2026-11
                """;
        assertThat(send("POST", "/api/indicators/import", MANAGER, "application/yaml", indicators).statusCode()).isEqualTo(200);
        String server = knownAsset("app", "ASSET", "HIGH", "globex", "OPERATIONAL");
        AlertRaised alert = alert(a -> a.setTitle("Trojan beaconing from " + server).setAsset(server)
                .setTags(List.of("malware")).setSeverityHint(Severity.HIGH).setIpAddresses(List.of("198.51.100.66")));
        publish(alert);

        AlertClassified classified = awaitClassification(alert);
        assertThat(classified.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(classified.getMatchedIndicators()).containsExactly(new Indicator(IndicatorType.IP, "198.51.100.66"));
        assertThat(rules(classified)).contains("known-threats", "known-threat-indicator");
        assertThat(classified.getRationale().get(1).getDescription()).contains("IP:198.51.100.66");
    }

    @Test
    void shouldClassifyAnAlertAboutAnUnknownAssetConservativelyAndOnlySuggestTheClientAnUnboundSourceNames() {
        AlertRaised alert = alert(a -> a.setTitle("Suspicious process").setSeverityHint(Severity.LOW)
                .setSourceName("soc-edr").setAsset("ghost-" + a.getAlertId()).setClientHint("acme"));
        publish(alert);

        AlertClassified classified = awaitClassification(alert);
        assertThat(classified.getUnknownAsset()).isTrue();
        assertThat(classified.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(clients(classified)).as("nobody is notified on an unbound source's word").isEmpty();
        assertThat(classified.getSuggestedClients()).extracting(AffectedClient::getClientId).containsExactly("acme");
        assertThat(rules(classified)).containsSubsequence("unknown-asset", "suggested-client");
        assertThat(classified.getRationale()).filteredOn(rule -> rule.getRuleId().equals("unknown-asset"))
                .singleElement().extracting(RuleFired::getDescription).asString().contains("not in the inventory");
        assertThat(classified.getRationale()).filteredOn(rule -> rule.getRuleId().equals("suggested-client"))
                .singleElement().extracting(RuleFired::getDescription)
                .isEqualTo("client acme named by source soc-edr which is not bound to it; an analyst must confirm");
    }

    @Test
    void shouldMakeTheClientABoundSourceNamesAffectedEvenForAnUnknownAsset() {
        AlertRaised alert = alert(a -> a.setTitle("Suspicious process").setSourceName("acme-splunk")
                .setBoundClients(List.of("acme")).setAsset("ghost-" + a.getAlertId()).setClientHint("acme"));
        publish(alert);

        AlertClassified classified = awaitClassification(alert);
        assertThat(clients(classified)).containsExactly("acme");
        assertThat(classified.getSuggestedClients()).isEmpty();
        assertThat(rules(classified)).contains("bound-source").doesNotContain("suggested-client");
    }

    private static List<String> clients(AlertClassified event) {
        return event.getAffectedClients().stream().map(AffectedClient::getClientId).toList();
    }
}
