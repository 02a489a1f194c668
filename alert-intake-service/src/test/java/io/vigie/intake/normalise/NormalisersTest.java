package io.vigie.intake.normalise;

import io.vigie.intake.IntakeRejection;
import io.vigie.intake.alert.Alert;
import io.vigie.intake.alert.SeverityHint;
import io.vigie.intake.source.IntakeProperties;
import io.vigie.intake.source.IntakeProperties.Rate;
import io.vigie.intake.source.IntakeProperties.SourceProperties;
import io.vigie.intake.source.Source;
import io.vigie.intake.source.SourceType;
import io.vigie.intake.source.Sources;
import io.vigie.platform.web.problem.InvalidField;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NormalisersTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T02:00:00Z");

    private final IntakeProperties properties = new IntakeProperties(Map.of(
            "am", source(SourceType.ALERTMANAGER), "splunk", source(SourceType.SPLUNK),
            "api", source(SourceType.GENERIC), "wazuh", source(SourceType.WAZUH)),
            DataSize.ofKilobytes(256), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(10),
            Duration.ofMinutes(5), Duration.ofDays(90), 3);
    private final Sources sources = new Sources(properties);
    private final Normalisers normalisers = new Normalisers(List.of(new SplunkNormaliser(),
            new AlertmanagerNormaliser(properties), new WazuhNormaliser(), new ElasticNormaliser(properties),
            new GenericNormaliser(properties)), properties);

    @Test
    void shouldGiveTheFiringAndTheResolvedAlertDifferentIdsButTheSameReference() {
        Alert firing = alertmanager("firing");
        Alert resolved = alertmanager("resolved");

        assertThat(firing.origin().sourceReference()).isEqualTo(resolved.origin().sourceReference());
        assertThat(firing.alertId()).isNotEqualTo(resolved.alertId());
        assertThat(firing.origin().fingerprint()).isNotEqualTo(resolved.origin().fingerprint());
        assertThat(resolved.origin().resolvedBySource()).isTrue();
        assertThat(alertmanager("firing").alertId()).isEqualTo(firing.alertId());
    }

    @Test
    void shouldTakeTheHostOutOfAnInstanceLabel() {
        assertThat(alertmanager("firing").affected().asset()).isEqualTo("web-1.example");
        assertThat(alertmanager("firing").affected().ipAddresses()).isEmpty();
    }

    @Test
    void shouldTitleAnUnnamedSplunkSearchByItsHostWhenTheResultNamesNothingElse() {
        Alert alert = normalise("splunk", """
                {"result": {"host": "h"}, "sid": "rt_1700000000.42", "results_link": null,
                 "search_name": null, "owner": "admin", "app": "search"}""").get(0);

        assertThat(alert.content().title()).isEqualTo("Splunk alert on h");
        assertThat(alert.origin().sourceReference()).isEqualTo("rt_1700000000.42");
        assertThat(alert.detectedAt()).isEqualTo(RECEIVED);
        assertThat(alert.content().severityHint()).isNull();
    }

    @Test
    void shouldTitleAnUnnamedSplunkSearchByTheDetectionItsResultNames() {
        Alert signature = splunkWithoutSearchName("""
                {"signature": "ET SCAN Nmap Scripting Engine User-Agent Detected", "rule_name": "IDS scan",
                 "_raw": "Nov 23 01:55:00 ids-1 suricata[812]: [1:2009358:5] ET SCAN Nmap...", "host": "ids-1"}""");
        Alert notable = splunkWithoutSearchName("""
                {"rule_name": "Access - Excessive Failed Logins - Rule", "_raw": "failed login", "dest": "vpn-1"}""");
        Alert multivalue = splunkWithoutSearchName("""
                {"alert": ["  Disk\\tfull  on /var ", "second"], "host": "db-1"}""");

        assertThat(signature.content().title()).isEqualTo("ET SCAN Nmap Scripting Engine User-Agent Detected");
        assertThat(signature.content().description()).startsWith("Nov 23 01:55:00 ids-1 suricata[812]");
        assertThat(notable.content().title()).isEqualTo("Access - Excessive Failed Logins - Rule");
        assertThat(multivalue.content().title()).isEqualTo("Disk full on /var");
        // two different detections on one host are two alerts, not a repeat of one
        Alert other = splunkWithoutSearchName("""
                {"signature": "ET POLICY Outbound SSH Connection", "host": "ids-1"}""");
        Alert again = splunkWithoutSearchName("""
                {"signature": "ET SCAN Nmap Scripting Engine User-Agent Detected", "host": "ids-1"}""");
        assertThat(other.origin().fingerprint()).isNotEqualTo(again.origin().fingerprint());
        assertThat(again.origin().fingerprint()).isEqualTo(splunkWithoutSearchName("""
                {"signature": "ET SCAN Nmap Scripting Engine User-Agent Detected", "host": "ids-1"}""").origin().fingerprint());
    }

    @Test
    void shouldTitleAnUnnamedSplunkSearchByTheFirstWordsOfTheEventWithoutItsControlCharacters() {
        String raw = "Nov 23 01:55:00 vpn-1 sshd[4711]:\\tFailed password for invalid user admin\\u0000 from "
                + "198.51.100.23 port 53112 ssh2\\r\\n\\u202eNov 23 01:55:02 vpn-1 sshd[4711]: Connection closed";
        Alert alert = splunkWithoutSearchName("{\"_raw\": \"" + raw + "\", \"host\": \"vpn-1\"}");

        assertThat(alert.content().title()).isEqualTo("Nov 23 01:55:00 vpn-1 sshd[4711]: Failed password for invalid user admin "
                + "from 198.51.100.23 port…");
        assertThat(alert.content().title()).hasSizeLessThanOrEqualTo(SplunkNormaliser.RAW_TITLE_LENGTH + 1);
        assertThat(alert.content().description()).contains("Connection closed");
    }

    @Test
    void shouldCutAReadableTitleOnAWordBoundaryUnlessOneWordIsTooLong() {
        String words = "word ".repeat(30);
        String token = "QUJD".repeat(40);

        assertThat(SplunkNormaliser.readable(words, 22)).isEqualTo("word word word word…");
        assertThat(SplunkNormaliser.readable("short \t one\n", 22)).isEqualTo("short one");
        assertThat(SplunkNormaliser.readable("see " + token, 22)).isEqualTo("see " + token.substring(0, 18) + "…");
        assertThat(SplunkNormaliser.readable("\u0000\t\u200b -  ", 22)).isNull();
        assertThat(SplunkNormaliser.readable("ab" + "\uD83D\uDE00".repeat(20), 5)).isEqualTo("ab\uD83D\uDE00…");
    }

    @Test
    void shouldTitleAnUnnamedSplunkSearchWithAnEmptyResultPlainly() {
        assertThat(splunkWithoutSearchName("{\"count\": \"8\"}").content().title()).isEqualTo("Splunk alert");
    }

    @Test
    void shouldRefuseABatchOverTheConfiguredSize() {
        String alert = "{\"reference\": \"r\", \"title\": \"t\"}";

        assertThatThrownBy(() -> normalise("api", "[" + String.join(",", alert, alert, alert, alert) + "]"))
                .isInstanceOfSatisfying(IntakeRejection.class, rejection ->
                        assertThat(rejection.errors()).extracting(InvalidField::field).containsExactly("/"));
    }

    @Test
    void shouldRefuseDuplicateKeysRatherThanGuessWhichOneCounts() {
        assertThatThrownBy(() -> normalise("api", "{\"reference\": \"r\", \"title\": \"a\", \"title\": \"b\"}"))
                .isInstanceOf(IntakeRejection.class).hasMessageContaining("Duplicate");
    }

    @Test
    void shouldMapSeverityWordsOfEveryTool() {
        assertThat(SeverityHint.fromWord("Warning")).contains(SeverityHint.MEDIUM);
        assertThat(SeverityHint.fromWord("informational")).contains(SeverityHint.LOW);
        assertThat(SeverityHint.fromWord("whatever")).isEmpty();
        assertThat(SeverityHint.fromWazuhLevel(15)).isEqualTo(SeverityHint.CRITICAL);
        assertThat(SeverityHint.fromWazuhLevel(3)).isEqualTo(SeverityHint.LOW);
        assertThat(SeverityHint.fromRiskScore(73)).isEqualTo(SeverityHint.MEDIUM);
        assertThat(SeverityHint.fromRiskScore(99)).isEqualTo(SeverityHint.CRITICAL);
    }

    @Test
    void shouldReplaceNulCharactersWhichNoDatabaseDownstreamCanStore() {
        Alert alert = normalise("api", """
                {"reference": "r\\u0000", "title": "Beacon from \\u0000host", "description": "line\\u0000two",
                 "accounts": ["svc\\u0000"], "tags": ["a\\u0000b"],
                 "attributes": {"k\\u0000ey": "v\\u0000"}}""").get(0);
        Alert splunk = normalise("splunk", """
                {"result": {"h\\u0000ost": "web\\u0000", "list": ["x\\u0000", "y"]}, "sid": "s", "search_name": "n"}""")
                .get(0);

        assertThat(alert.origin().sourceReference()).isEqualTo("r\uFFFD");
        assertThat(alert.content().title()).isEqualTo("Beacon from \uFFFDhost");
        assertThat(alert.content().description()).isEqualTo("line\uFFFDtwo");
        assertThat(alert.affected().accounts()).containsExactly("svc\uFFFD");
        assertThat(alert.content().tags()).containsExactly("a\uFFFDb");
        assertThat(alert.content().attributes()).containsEntry("k\uFFFDey", "v\uFFFD");
        assertThat(splunk.content().attributes()).containsEntry("result.h\uFFFDost", "web\uFFFD").containsEntry("result.list", "x\uFFFD,y");
        assertThat(alert + "" + splunk).doesNotContain("\0");
    }

    @Test
    void shouldTagEachGdprArticleAWazuhRuleMapsTo() {
        // A file integrity alert as Wazuh 4.x writes it to alerts.json (rule 550 on a monitored directory).
        Alert alert = normalise("wazuh", """
                {"timestamp": "2026-11-23T01:42:07.103+0000",
                 "rule": {"level": 7, "description": "Integrity checksum changed.", "id": "550", "firedtimes": 3,
                          "mail": false, "groups": ["ossec", "syscheck", "syscheck_entry_modified", "syscheck_file"],
                          "gdpr": ["II_5.1.f"], "hipaa": ["164.312.c.1", "164.312.c.2"], "pci_dss": ["11.5"],
                          "nist_800_53": ["SI.7"], "tsc": ["PI1.4", "PI1.5", "CC6.1", "CC6.8", "CC7.2", "CC7.3"],
                          "mitre": {"id": ["T1565.001"], "tactic": ["Impact"], "technique": ["Stored Data Manipulation"]}},
                 "agent": {"id": "012", "name": "hr-db-1", "ip": "10.20.4.31"},
                 "manager": {"name": "wazuh-manager"}, "id": "1763862127.3371920",
                 "full_log": "File '/srv/hr/exports/payroll.csv' modified\\nMode: realtime\\nChanged attributes: size,md5,sha1,sha256",
                 "syscheck": {"path": "/srv/hr/exports/payroll.csv", "mode": "realtime", "size_after": "48211",
                              "md5_after": "3f0c5a8d2e2b6a1c9f1e0d7b4c2a9e11",
                              "sha256_after": "9b2d0c5f3e7a41c6b8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e",
                              "event": "modified"},
                 "decoder": {"name": "syscheck_integrity_changed"}, "location": "syscheck"}""").get(0);
        Alert withoutGdpr = normalise("wazuh", """
                {"timestamp": "2026-11-23T01:42:07Z", "id": "1.2",
                 "rule": {"level": 3, "description": "Login session opened.", "id": "5501", "groups": ["pam"]},
                 "agent": {"id": "001", "name": "web-1"}}""").get(0);

        assertThat(alert.content().tags()).containsExactly("ossec", "syscheck", "syscheck_entry_modified", "syscheck_file",
                "T1565.001", "gdpr:II_5.1.f");
        assertThat(withoutGdpr.content().tags()).containsExactly("pam");
    }

    @Test
    void shouldRefuseAGdprReferenceLongerThanATagMayBe() {
        String longReference = "x".repeat(496);

        assertThatThrownBy(() -> normalise("wazuh", """
                {"timestamp": "2026-11-23T01:42:07Z", "id": "1.2",
                 "rule": {"level": 3, "description": "d", "id": "1", "gdpr": ["II_5.1.f", "%s"]},
                 "agent": {"id": "001", "name": "web-1"}}""".formatted(longReference)))
                .isInstanceOfSatisfying(IntakeRejection.class, rejection -> assertThat(rejection.errors())
                        .singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("/rule/gdpr/1")));
        assertThat(normalise("wazuh", """
                {"timestamp": "2026-11-23T01:42:07Z", "id": "1.2",
                 "rule": {"level": 3, "description": "d", "id": "1", "gdpr": ["%s"]},
                 "agent": {"id": "001", "name": "web-1"}}""".formatted(longReference.substring(1))).get(0).content().tags())
                .singleElement().satisfies(tag -> assertThat(tag).hasSize(PayloadReader.MAX_TEXT));
    }

    private Alert splunkWithoutSearchName(String result) {
        return normalise("splunk", """
                {"result": %s, "sid": "scheduler_admin_search_W2_at_14232356_132", "search_name": null}"""
                .formatted(result)).get(0);
    }

    private Alert alertmanager(String status) {
        return normalise("am", """
                {"version": "4", "groupKey": "{}:{alertname=\\"X\\"}", "status": "%s", "receiver": "r",
                 "alerts": [{"status": "%s", "labels": {"alertname": "X", "instance": "web-1.example:9100"},
                 "annotations": {}, "startsAt": "2026-11-23T01:00:00Z", "fingerprint": "abc"}]}"""
                .formatted(status, status)).get(0);
    }

    private List<Alert> normalise(String sourceName, String body) {
        Source source = sources.find(typeOf(sourceName), sourceName).orElseThrow();
        return normalisers.normalise(source, body.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    private static SourceType typeOf(String sourceName) {
        return switch (sourceName) {
            case "am" -> SourceType.ALERTMANAGER;
            case "splunk" -> SourceType.SPLUNK;
            case "wazuh" -> SourceType.WAZUH;
            default -> SourceType.GENERIC;
        };
    }

    private static SourceProperties source(SourceType type) {
        return new SourceProperties(type, List.of("t"), List.of(), null, List.of(), new Rate(1, 1), null);
    }
}
