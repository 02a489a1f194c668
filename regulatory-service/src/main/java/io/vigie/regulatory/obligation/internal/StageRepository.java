package io.vigie.regulatory.obligation.internal;

import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.obligation.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class StageRepository {

    private static final String COLUMNS = "id, incident_id, client_id, report, status, opened_at, clock_start, due_at, "
            + "closed_reason, submitted_at, submitted_by, authority_reference, elements_to_follow, delay_reason, late, "
            + "submitted_text";

    private static final RowMapper<Stage> ROW = (rs, n) -> new Stage(rs.getObject(1, UUID.class), rs.getObject(2,
            UUID.class), rs.getString(3), ReportKind.valueOf(rs.getString(4)), Stage.Status.valueOf(rs.getString(5)),
            instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getString(9), rs.getTimestamp(10) == null ? null
            : new Stage.Submission(instant(rs, 10), rs.getString(11), rs.getString(12), split(rs.getString(13)),
            rs.getString(14), rs.getBoolean(15), rs.getString(16)));

    private final JdbcTemplate jdbc;

    StageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the stage unless it exists (whatever raced to open it): {@code true} if this call opened it. */
    public boolean insert(UUID id, UUID incidentId, String clientId, ReportKind kind, Instant clockStart, Instant dueAt,
                   Instant now) {
        return jdbc.update("INSERT INTO report_stage (id, incident_id, client_id, report, status, opened_at, "
                        + "clock_start, due_at) VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?) ON CONFLICT DO NOTHING", id,
                incidentId, clientId, kind.name(), Timestamp.from(now), Timestamp.from(clockStart),
                dueAt == null ? null : Timestamp.from(dueAt)) == 1;
    }

    public Optional<Stage> find(UUID incidentId, String clientId, ReportKind kind) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_stage WHERE incident_id = ? AND client_id = ? "
                + "AND report = ?", ROW, incidentId, clientId, kind.name()).stream().findFirst();
    }

    public Optional<Stage> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_stage WHERE id = ?", ROW, id).stream().findFirst();
    }

    public List<Stage> ofIncident(UUID incidentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_stage WHERE incident_id = ? ORDER BY client_id, "
                + "opened_at, report", ROW, incidentId);
    }

    public List<Stage> open(UUID incidentId, String clientId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_stage WHERE incident_id = ? AND client_id = ? "
                + "AND status = 'OPEN' ORDER BY report", ROW, incidentId, clientId);
    }

    /** Open stages with a deadline whose warning or overdue transition is not announced yet. */
    public List<Stage> unannounced() {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_stage WHERE status = 'OPEN' AND due_at IS NOT NULL "
                + "AND (warned_at IS NULL OR overdue_at IS NULL) ORDER BY due_at", ROW);
    }

    /** One query for the overview page, however many incidents are open. */
    public List<Stage> pendingBySoonestDue() {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_stage WHERE status = 'OPEN' "
                + "ORDER BY due_at ASC NULLS LAST, opened_at, incident_id, client_id, report", ROW);
    }

    public List<Stage> allOpen() {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_stage WHERE status = 'OPEN'", ROW);
    }

    /**
     * The cluster-safe claims: of two instances running the same UPDATE, exactly one changes the row and announces
     * the transition. Overdue also claims the warning, so a stage first seen overdue is not then warned about.
     */
    public boolean claimWarning(UUID id, Instant now) {
        return jdbc.update("UPDATE report_stage SET warned_at = ? WHERE id = ? AND status = 'OPEN' "
                + "AND warned_at IS NULL", Timestamp.from(now), id) == 1;
    }

    public boolean claimOverdue(UUID id, Instant now) {
        return jdbc.update("UPDATE report_stage SET overdue_at = ?, warned_at = COALESCE(warned_at, ?) WHERE id = ? "
                + "AND status = 'OPEN' AND overdue_at IS NULL", Timestamp.from(now), Timestamp.from(now), id) == 1;
    }

    /** A moved deadline gets its own warnings: the ones announced were about the old one. */
    public void moveDeadline(UUID id, Instant clockStart, Instant dueAt) {
        jdbc.update("UPDATE report_stage SET clock_start = ?, due_at = ?, warned_at = NULL, overdue_at = NULL "
                + "WHERE id = ?", Timestamp.from(clockStart), dueAt == null ? null : Timestamp.from(dueAt), id);
    }

    public boolean withdraw(UUID id, String reason) {
        return jdbc.update("UPDATE report_stage SET status = 'WITHDRAWN', closed_reason = ? WHERE id = ? "
                + "AND status = 'OPEN'", reason, id) == 1;
    }

    /** A withdrawn stage applies again: its clock restarts with fresh announcements. */
    public boolean reopen(UUID id, Instant clockStart, Instant dueAt) {
        return jdbc.update("UPDATE report_stage SET status = 'OPEN', closed_reason = NULL, clock_start = ?, due_at = ?, "
                + "warned_at = NULL, overdue_at = NULL WHERE id = ? AND status = 'WITHDRAWN'", Timestamp.from(clockStart),
                dueAt == null ? null : Timestamp.from(dueAt), id) == 1;
    }

    public boolean submit(UUID id, Stage.Submission s) {
        return jdbc.update("UPDATE report_stage SET status = 'SUBMITTED', submitted_at = ?, submitted_by = ?, "
                        + "authority_reference = ?, elements_to_follow = ?, delay_reason = ?, late = ?, "
                        + "submitted_text = ? WHERE id = ? AND status = 'OPEN'", Timestamp.from(s.submittedAt()),
                s.submittedBy(), s.authorityReference(), String.join("\n", s.elementsToFollow()), s.delayReason(),
                s.late(), s.text(), id) == 1;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static List<String> split(String lines) {
        return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
    }
}
