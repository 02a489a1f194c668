package io.vigie.postmortem.report.internal;

import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.report.Analysis;
import io.vigie.postmortem.report.Postmortem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class PostmortemRepository {

    private static final String COLUMNS = "id, incident_id, status, created_at, updated_at, updated_by, analysis, "
            + "approved_by, approved_at, approved_facts";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public PostmortemRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Row of the table, before the live incident facts are joined in. */
    public record Row(UUID id, UUID incidentId, Postmortem.Status status, Instant createdAt, Instant updatedAt,
               String updatedBy, Analysis analysis, String approvedBy, Instant approvedAt, Incident approvedFacts) {
    }

    /** Creates the draft unless the incident has one; the unique incident_id makes a race end in one row too. */
    public boolean insertDraft(UUID id, Incident incident, Instant now) {
        return jdbc.update("INSERT INTO postmortem (id, incident_id, status, severity, incident_category, resolved_at, "
                        + "created_at, updated_at, analysis) VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                id, incident.id(), String.valueOf(incident.severity()), String.valueOf(incident.category()),
                Timestamp.from(incident.resolvedAt()), Timestamp.from(now), Timestamp.from(now),
                json.writeValueAsString(Analysis.empty())) == 1;
    }

    /** A resolution seen again (reopened and resolved anew) refreshes what the learning queries group by. */
    public void refreshDraft(Incident incident) {
        jdbc.update("UPDATE postmortem SET severity = ?, incident_category = ?, resolved_at = ? "
                        + "WHERE incident_id = ? AND status = 'DRAFT'", String.valueOf(incident.severity()),
                String.valueOf(incident.category()), Timestamp.from(incident.resolvedAt()), incident.id());
    }

    public Optional<Row> find(UUID id, boolean lock) {
        return jdbc.query("SELECT " + COLUMNS + " FROM postmortem WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                this::row, id).stream().findFirst().map(this::withActionItems);
    }

    public Optional<Row> findByIncident(UUID incidentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM postmortem WHERE incident_id = ?", this::row, incidentId)
                .stream().findFirst().map(this::withActionItems);
    }

    public List<Row> list(Postmortem.Status status) {
        List<Row> rows = status == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM postmortem ORDER BY created_at DESC, id", this::row)
                : jdbc.query("SELECT " + COLUMNS + " FROM postmortem WHERE status = ? ORDER BY created_at DESC, id",
                this::row, status.name());
        return rows.stream().map(this::withActionItems).toList();
    }

    public void updateAnalysis(UUID id, Analysis analysis, String actor, Instant now) {
        jdbc.update("UPDATE postmortem SET analysis = ?, root_cause_category = ?, updated_at = ?, updated_by = ? "
                        + "WHERE id = ?", json.writeValueAsString(analysis.withActionItems(List.of())),
                analysis.rootCauseCategory() == null ? null : analysis.rootCauseCategory().name(),
                Timestamp.from(now), actor, id);
        jdbc.update("DELETE FROM action_item WHERE postmortem_id = ?", id);
        List<Analysis.ActionItem> items = analysis.actionItems();
        for (int i = 0; i < items.size(); i++) {
            Analysis.ActionItem item = items.get(i);
            jdbc.update("INSERT INTO action_item (id, postmortem_id, position, description, owner, due_date, kind, "
                            + "completed_at, from_client_feedback) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", item.id(), id, i,
                    item.description(), item.owner(), item.dueDate() == null ? null : Date.valueOf(item.dueDate()),
                    item.kind().name(), item.completedAt() == null ? null : Timestamp.from(item.completedAt()),
                    item.fromClientFeedback());
        }
    }

    public void approve(UUID id, String actor, Instant now, Incident facts) {
        jdbc.update("UPDATE postmortem SET status = 'APPROVED', approved_by = ?, approved_at = ?, approved_facts = ?, "
                + "updated_at = ? WHERE id = ?", actor, Timestamp.from(now), json.writeValueAsString(facts),
                Timestamp.from(now), id);
    }

    public boolean completeActionItem(UUID itemId, Instant now) {
        return jdbc.update("UPDATE action_item SET completed_at = ? WHERE id = ? AND completed_at IS NULL",
                Timestamp.from(now), itemId) == 1;
    }

    public boolean actionItemExists(UUID itemId) {
        return !jdbc.queryForList("SELECT id FROM action_item WHERE id = ?", UUID.class, itemId).isEmpty();
    }

    private Row withActionItems(Row row) {
        List<Analysis.ActionItem> items = jdbc.query("SELECT id, description, owner, due_date, kind, completed_at, "
                        + "from_client_feedback FROM action_item WHERE postmortem_id = ? ORDER BY position",
                (rs, n) -> new Analysis.ActionItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
                        Analysis.ActionKind.valueOf(rs.getString(5)), instant(rs.getTimestamp(6)), rs.getBoolean(7)),
                row.id());
        return new Row(row.id(), row.incidentId(), row.status(), row.createdAt(), row.updatedAt(), row.updatedBy(),
                row.analysis().withActionItems(items), row.approvedBy(), row.approvedAt(), row.approvedFacts());
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String facts = rs.getString(10);
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                Postmortem.Status.valueOf(rs.getString(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
                rs.getString(6), json.readValue(rs.getString(7), Analysis.class), rs.getString(8),
                instant(rs.getTimestamp(9)), facts == null ? null : json.readValue(facts, Incident.class));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
