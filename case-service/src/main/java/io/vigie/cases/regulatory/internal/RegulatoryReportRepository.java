package io.vigie.cases.regulatory.internal;

import io.vigie.cases.regulatory.RegulatoryReport;
import io.vigie.cases.regulatory.ReportState;
import io.vigie.platform.kafka.batch.InLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code case_regulatory_report}: one row per incident, client and report. Lists are stored one item per line. */
@Repository
public class RegulatoryReportRepository {

    private static final String ORDER = " ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, client_id, "
            + "report";
    private static final RowMapper<RegulatoryReport> REPORTS = RegulatoryReportRepository::toReport;

    private final JdbcTemplate jdbc;

    public RegulatoryReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RegulatoryReport> find(UUID incidentId, String clientId, String report) {
        return jdbc.query("SELECT * FROM case_regulatory_report WHERE incident_id = ? AND client_id = ? AND report = ?",
                REPORTS, incidentId, clientId, report).stream().findFirst();
    }

    /** Writes the report; the caller holds the case's lock, so no other writer raced it to the insert. */
    public void save(UUID incidentId, RegulatoryReport r, boolean isNew) {
        RegulatoryReport.Submission s = r.submission();
        RegulatoryReport.Requirement q = r.requirement();
        Object[] values = {q.regime(), q.title(), q.rule(), q.authority(), utc(r.deadline().awareAt()),
                utc(r.deadline().dueAt()), r.state().name(), s == null ? null : utc(s.submittedAt()),
                s == null ? null : s.submittedBy(), s == null ? null : s.authorityReference(), s != null && s.late(),
                s == null ? "" : String.join("\n", s.elementsToFollow()), r.reason(), utc(r.updatedAt()),
                incidentId, r.clientId(), q.report()};
        if (isNew) {
            jdbc.update("INSERT INTO case_regulatory_report (regime, title, deadline_rule, authority, aware_at, due_at, "
                    + "state, submitted_at, submitted_by, authority_reference, late, elements_to_follow, reason, "
                    + "updated_at, incident_id, client_id, report) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        } else {
            jdbc.update("UPDATE case_regulatory_report SET regime = ?, title = ?, deadline_rule = ?, authority = ?, "
                    + "aware_at = ?, due_at = ?, state = ?, submitted_at = ?, submitted_by = ?, "
                    + "authority_reference = ?, late = ?, elements_to_follow = ?, reason = ?, updated_at = ? "
                    + "WHERE incident_id = ? AND client_id = ? AND report = ?", values);
        }
    }

    /** The incident's reports, the first due first, those with no fixed deadline last. */
    public List<RegulatoryReport> of(UUID incidentId) {
        return jdbc.query("SELECT * FROM case_regulatory_report WHERE incident_id = ?" + ORDER, REPORTS, incidentId);
    }

    /** The reports neither submitted nor withdrawn of the incidents among {@code ids}; incidents with none left out. */
    public Map<UUID, List<RegulatoryReport>> unsettled(Collection<UUID> ids) {
        Map<UUID, List<RegulatoryReport>> found = new LinkedHashMap<>();
        for (List<UUID> chunk : InLists.slices(ids.stream().distinct().toList())) {
            jdbc.query("SELECT * FROM case_regulatory_report WHERE incident_id IN (" + InLists.placeholders(chunk.size())
                    + ") AND state NOT IN ('SUBMITTED', 'WITHDRAWN')" + ORDER, row -> {
                        found.computeIfAbsent(row.getObject("incident_id", UUID.class), id -> new ArrayList<>())
                                .add(toReport(row, 0));
                    }, chunk.toArray());
        }
        return found;
    }

    private static RegulatoryReport toReport(ResultSet rs, int row) throws SQLException {
        Instant submittedAt = instant(rs, "submitted_at");
        String elements = rs.getString("elements_to_follow");
        RegulatoryReport.Submission submission = submittedAt == null ? null : new RegulatoryReport.Submission(
                submittedAt, rs.getString("submitted_by"), rs.getString("authority_reference"),
                rs.getBoolean("late"), elements == null || elements.isEmpty() ? List.of()
                : Arrays.asList(elements.split("\n")));
        return new RegulatoryReport(rs.getString("client_id"),
                new RegulatoryReport.Requirement(rs.getString("report"), rs.getString("regime"), rs.getString("title"),
                        rs.getString("deadline_rule"), rs.getString("authority")),
                new RegulatoryReport.Deadline(instant(rs, "aware_at"), instant(rs, "due_at")),
                ReportState.valueOf(rs.getString("state")), submission, rs.getString("reason"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
