package io.vigie.cases.regulatory;

import io.vigie.cases.regulatory.internal.RegulatoryReportRepository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The local stack runs case-service on H2 in PostgreSQL mode: the reports' table and queries must work there too. */
class RegulatoryReportsOnH2Test {

    private final DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");

    @Test
    void shouldKeepReportsAndFindTheUnsettledOnesOnH2() {
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/platform", "classpath:db/migration/case")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        RegulatoryReportRepository repository = new RegulatoryReportRepository(jdbc);
        RegulatoryReports reports = new RegulatoryReports(repository);
        UUID incidentId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("INSERT INTO incident_case (incident_id, classified, title, priority, status, notify_clients, "
                + "personal_data, affected_assets, affected_services, data_categories, opened_at, updated_at) "
                + "VALUES (?, TRUE, 't', 0, 'RESOLVED', TRUE, TRUE, '', '', '', ?, ?)", incidentId,
                Timestamp.from(now), Timestamp.from(now));
        RegulatoryReport art33 = report("acme", "GDPR_AUTHORITY_NOTIFICATION", now.plus(Duration.ofHours(2)))
                .withState(ReportState.DUE_SOON);
        RegulatoryReport art34 = report("acme", "GDPR_DATA_SUBJECTS", null).withState(ReportState.OPEN);

        repository.save(incidentId, art33, true);
        repository.save(incidentId, art34, true);
        RegulatoryReport filed = new RegulatoryReport("globex",
                new RegulatoryReport.Requirement("GDPR_AUTHORITY_NOTIFICATION", "GDPR", "Art. 33", "rule", "CNIL"),
                new RegulatoryReport.Deadline(now, now), ReportState.SUBMITTED,
                new RegulatoryReport.Submission(now, "dpo", "REF-1", true, List.of("records", "people")), "late", now);
        repository.save(incidentId, filed.withState(ReportState.OPEN), true);
        repository.save(incidentId, filed, false);

        assertThat(repository.of(incidentId)).extracting(RegulatoryReport::clientId, r -> r.requirement().report())
                .containsExactly(tuple("globex", "GDPR_AUTHORITY_NOTIFICATION"),
                        tuple("acme", "GDPR_AUTHORITY_NOTIFICATION"),
                        tuple("acme", "GDPR_DATA_SUBJECTS"));
        assertThat(repository.find(incidentId, "globex", "GDPR_AUTHORITY_NOTIFICATION")).get().isEqualTo(filed);
        assertThat(repository.unsettled(List.of(incidentId, UUID.randomUUID())).get(incidentId))
                .extracting(r -> r.requirement().report()).containsExactly("GDPR_AUTHORITY_NOTIFICATION",
                        "GDPR_DATA_SUBJECTS");
        assertThat(reports.attention(List.of(incidentId), now).get(incidentId).first()).isEqualTo(art33);
        assertThat(reports.attention(List.of(incidentId), now.minus(Duration.ofDays(1)))).as("regulatory-service's DUE_SOON stands, whatever the time")
                .containsOnlyKeys(incidentId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM incident_case c WHERE EXISTS (SELECT 1 FROM "
                + "case_regulatory_report r WHERE r.incident_id = c.incident_id AND r.state IN ('DUE_SOON', "
                + "'OVERDUE'))", Integer.class)).isEqualTo(1);
    }

    private static RegulatoryReport report(String clientId, String report, Instant due) {
        return new RegulatoryReport(clientId,
                new RegulatoryReport.Requirement(report, "GDPR", report.replace('_', ' '), "rule", null),
                new RegulatoryReport.Deadline(Instant.parse("2026-12-01T00:00:00Z"), due), null, null, null,
                Instant.parse("2026-12-01T00:00:00Z"));
    }
}
