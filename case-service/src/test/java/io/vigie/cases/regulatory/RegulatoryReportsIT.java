package io.vigie.cases.regulatory;

import io.vigie.cases.CaseServiceTestBase;
import io.vigie.events.ClassificationChange;
import io.vigie.events.RegulatoryChange;
import io.vigie.events.RegulatoryRegime;
import io.vigie.events.RegulatoryReport;
import io.vigie.events.RegulatoryReportChanged;
import io.vigie.events.Severity;
import io.vigie.events.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * regulatory-service's RegulatoryReportChanged on the real broker: each report kept per incident, client and report
 * stage, every change on the hash-chained timeline once, and the reports in {@code GET /api/cases/{id}}.
 */
public class RegulatoryReportsIT extends CaseServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIMELINE_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    public static final String ART_33 = "GDPR Art. 33 notification to the supervisory authority";
    public static final String ART_33_RULE = "GDPR Art. 33(1): 72 hours after awareness";

    @Test
    void shouldKeepEachReportAsRegulatoryServiceReportsItAndPutEveryChangeOnTheTimelineOnce() throws Exception {
        // given a personal-data breach touching two clients
        UUID incidentId = openIncident(classified(UUID.randomUUID(), UUID.randomUUID(), Severity.CRITICAL,
                "Customer records exfiltrated from crm-db", ClassificationChange.OPENED, true, "acme", "globex"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant acmeAware = now.minus(Duration.ofHours(69));
        Instant globexAware = now.minus(Duration.ofHours(80));

        // when regulatory-service opens acme's Art. 33 report (delivered twice), globex's goes overdue and is filed
        // late, and acme's Art. 34 communication is withdrawn
        RegulatoryReportChanged acmeOpened = art33(incidentId, "acme", RegulatoryChange.OPENED, acmeAware).build();
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(), acmeOpened);
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(), acmeOpened);
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(),
                art33(incidentId, "globex", RegulatoryChange.OPENED, globexAware).build());
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(),
                art33(incidentId, "globex", RegulatoryChange.OVERDUE, globexAware).build());
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(),
                art33(incidentId, "globex", RegulatoryChange.SUBMITTED, globexAware).setSubmittedAt(now)
                        .setSubmittedBy("dpo@globex").setAuthorityReference("CNIL-2026-0042").setLate(true)
                        .setActor("dpo@globex").setReason("the processor told us on day 3")
                        .setElementsToFollow(List.of("number of records concerned")).build());
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(),
                art33(incidentId, "acme", RegulatoryChange.DECIDED, acmeAware).setActor("marie")
                        .setReason("customer records confirmed in the dump").build());
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(), art34(incidentId, "acme", acmeAware)
                .setChange(RegulatoryChange.OPENED).build());
        RegulatoryReportChanged withdrawn = art34(incidentId, "acme", acmeAware).setChange(RegulatoryChange.WITHDRAWN)
                .setActor("marie").setReason("the records were encrypted (Art. 34(3)(a))").build();
        publish(Topics.REGULATORY_REPORTS, incidentId.toString(), withdrawn);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM case_regulatory_report WHERE incident_id = ? AND state = 'WITHDRAWN'",
                Integer.class, incidentId) == 1);

        // then the case shows one row per client and report, the first due first
        JsonNode reports = JSON.readTree(get("viewer", "/api/cases/" + incidentId).body()).get("regulatoryReports");
        assertThat(reports).hasSize(3);
        JsonNode globex = report(reports, "globex", "GDPR_AUTHORITY_NOTIFICATION");
        assertThat(globex.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(globex.get("regime").asString()).isEqualTo("GDPR");
        assertThat(globex.get("title").asString()).isEqualTo(ART_33);
        assertThat(globex.get("rule").asString()).isEqualTo(ART_33_RULE);
        assertThat(Instant.parse(globex.get("dueAt").asString())).isEqualTo(globexAware.plus(Duration.ofHours(72)));
        assertThat(Instant.parse(globex.get("submittedAt").asString())).isEqualTo(now);
        assertThat(globex.get("submittedBy").asString()).isEqualTo("dpo@globex");
        assertThat(globex.get("authorityReference").asString()).isEqualTo("CNIL-2026-0042");
        assertThat(globex.get("late").asBoolean()).isTrue();
        assertThat(globex.get("elementsToFollow").get(0).asString()).isEqualTo("number of records concerned");
        JsonNode acme = report(reports, "acme", "GDPR_AUTHORITY_NOTIFICATION");
        assertThat(acme.get("state").asString()).as("a decision keeps the state").isEqualTo("OPEN");
        assertThat(Instant.parse(acme.get("awareAt").asString())).isEqualTo(acmeAware);
        assertThat(Instant.parse(acme.get("dueAt").asString())).isEqualTo(acmeAware.plus(Duration.ofHours(72)));
        assertThat(acme.get("submittedAt").isNull()).isTrue();
        assertThat(acme.get("reason").asString()).isEqualTo("customer records confirmed in the dump");
        JsonNode art34 = report(reports, "acme", "GDPR_DATA_SUBJECTS");
        assertThat(art34.get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(art34.get("dueAt").isNull()).isTrue();
        assertThat(reports.get(0).get("clientId").asString()).isEqualTo("globex");
        assertThat(reports.get(2).get("report").asString()).as("no fixed deadline: last")
                .isEqualTo("GDPR_DATA_SUBJECTS");

        // and every change is on the hash-chained timeline once, by regulatory-service, with the rule, who and why
        List<String> entries = StreamSupport.stream(JSON.readTree(get("viewer", "/api/cases/" + incidentId
                        + "/timeline").body()).spliterator(), false)
                .filter(entry -> entry.get("type").asString().equals("REGULATORY_REPORT"))
                .peek(entry -> assertThat(entry.get("actor").asString()).isEqualTo("regulatory-service"))
                .map(entry -> entry.get("content").asString()).toList();
        assertThat(entries).hasSize(7);
        assertThat(entries.get(0)).isEqualTo(ART_33 + " (acme): due "
                + TIMELINE_TIME.format(acmeAware.plus(Duration.ofHours(72))) + " — " + ART_33_RULE + "; to CNIL");
        assertThat(entries.get(2)).startsWith(ART_33 + " (globex): overdue: was due ");
        assertThat(entries.get(3)).isEqualTo(ART_33 + " (globex): submitted " + TIMELINE_TIME.format(now)
                + " by dpo@globex to CNIL, reference CNIL-2026-0042, late: the processor told us on day 3; to follow: "
                + "number of records concerned");
        assertThat(entries.get(4)).isEqualTo(ART_33 + " (acme): decided by marie: customer records confirmed in the "
                + "dump; open, due " + TIMELINE_TIME.format(acmeAware.plus(Duration.ofHours(72))));
        assertThat(entries.get(6)).isEqualTo("GDPR Art. 34 communication to the data subjects (acme): withdrawn by "
                + "marie: the records were encrypted (Art. 34(3)(a))");
        assertThat(JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline/verification").body())
                .get("intact").asBoolean()).isTrue();
        // and no legal clock of the case's own
        assertThat(JSON.readTree(get("viewer", "/api/cases/" + incidentId).body()).get("clocks").findValuesAsString(
                "kind")).containsOnly("CLASSIFY", "NOTIFY", "ACKNOWLEDGE", "RESOLVE");
    }

    @Test
    void shouldOpenAPlaceholderCaseForAReportThatOvertookItsClassification() throws Exception {
        UUID incidentId = UUID.randomUUID();
        Instant aware = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        publish(Topics.REGULATORY_REPORTS, incidentId.toString(),
                art33(incidentId, "acme", RegulatoryChange.OPENED, aware).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM case_regulatory_report WHERE incident_id = ?", Integer.class, incidentId) == 1);
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), classified(incidentId, UUID.randomUUID(),
                Severity.HIGH, "Mailbox export by a departed employee", ClassificationChange.OPENED, true, "acme"));
        awaitCase(incidentId);

        JsonNode details = JSON.readTree(get("viewer", "/api/cases/" + incidentId).body());
        assertThat(details.get("incident").get("title").asString()).isEqualTo("Mailbox export by a departed employee");
        assertThat(details.get("regulatoryReports").get(0).get("state").asString()).isEqualTo("OPEN");
    }

    private static JsonNode report(JsonNode reports, String clientId, String report) {
        return StreamSupport.stream(reports.spliterator(), false)
                .filter(r -> r.get("clientId").asString().equals(clientId) && r.get("report").asString().equals(report))
                .findFirst().orElseThrow(() -> new AssertionError("no " + report + " of " + clientId + ": " + reports));
    }

    /** An Art. 33 change as regulatory-service publishes it: 72 hours from awareness, to the CNIL. */
    public static RegulatoryReportChanged.Builder art33(UUID incidentId, String clientId, RegulatoryChange change,
                                                        Instant awareAt) {
        return RegulatoryReportChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setProducer("regulatory-service").setIncidentId(incidentId).setClientId(clientId)
                .setRegime(RegulatoryRegime.GDPR).setReport(RegulatoryReport.GDPR_AUTHORITY_NOTIFICATION)
                .setChange(change).setTitle(ART_33).setRule(ART_33_RULE).setAwareAt(awareAt)
                .setDueAt(awareAt.plus(Duration.ofHours(72))).setAuthority("CNIL");
    }

    /** An Art. 34 change: the data subjects are told without undue delay, no fixed deadline. */
    static RegulatoryReportChanged.Builder art34(UUID incidentId, String clientId, Instant awareAt) {
        return RegulatoryReportChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setProducer("regulatory-service").setIncidentId(incidentId).setClientId(clientId)
                .setRegime(RegulatoryRegime.GDPR).setReport(RegulatoryReport.GDPR_DATA_SUBJECTS)
                .setChange(RegulatoryChange.OPENED).setTitle("GDPR Art. 34 communication to the data subjects")
                .setRule("GDPR Art. 34(1): without undue delay").setAwareAt(awareAt).setDueAt(null);
    }
}
