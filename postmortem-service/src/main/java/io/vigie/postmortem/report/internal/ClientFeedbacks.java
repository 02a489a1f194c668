package io.vigie.postmortem.report.internal;

import io.vigie.postmortem.incident.ClientFeedback;
import io.vigie.postmortem.report.Analysis;
import io.vigie.postmortem.report.ClientFeedbackProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The clients' survey answers beside each post-mortem, and the action items the poor ones open for the communications
 * lead. An answer comes after approval, and neither reopens nor changes the approved report: it is kept in its own
 * table and its action item is follow-up work, like completing one (allowed after approval too). An answer read
 * before its incident's post-mortem exists (a replay in another order) gets its action item with the draft.
 */
@Component
public class ClientFeedbacks {

    private static final RowMapper<Kept> ROW = (rs, n) -> new Kept(rs.getObject("id", UUID.class),
            new ClientFeedback(rs.getObject("incident_id", UUID.class), rs.getString("client_id"),
                    rs.getString("contact_id"), rs.getString("contact_name"), rs.getString("language"),
                    rs.getInt("handling_rating"), rs.getInt("communication_rating"),
                    rs.getBoolean("questions_answered"), rs.getString("comment"),
                    rs.getTimestamp("answered_at").toInstant()),
            rs.getObject("action_item_id", UUID.class));

    private record Kept(UUID id, ClientFeedback feedback, UUID actionItemId) {
    }

    private final JdbcTemplate jdbc;
    private final ClientFeedbackProperties properties;

    public ClientFeedbacks(JdbcTemplate jdbc, ClientFeedbackProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** In the listener's transaction: kept with the event's claim and timeline entry. One answer per contact. */
    @EventListener
    public void keep(ClientFeedback feedback) {
        int inserted = jdbc.update("INSERT INTO client_feedback (id, incident_id, client_id, contact_id, contact_name, "
                        + "language, handling_rating, communication_rating, questions_answered, comment, answered_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", UUID.randomUUID(),
                feedback.incidentId(), feedback.clientId(), feedback.contactId(), feedback.contactName(),
                feedback.language(), feedback.handlingRating(), feedback.communicationRating(),
                feedback.questionsAnswered(), feedback.comment(), Timestamp.from(feedback.answeredAt()));
        if (inserted == 1 && feedback.needsFollowUp()) {
            followUp(feedback.incidentId());
        }
    }

    /** The incident's survey answers, first answered first. */
    public List<ClientFeedback> of(UUID incidentId) {
        return jdbc.query("SELECT * FROM client_feedback WHERE incident_id = ? ORDER BY answered_at, contact_id", ROW,
                incidentId).stream().map(Kept::feedback).toList();
    }

    /**
     * Opens an action item for each answer of the incident that needs one and has none yet, once the incident has a
     * post-mortem; appended after the team's items, whatever the report's status.
     */
    public void followUp(UUID incidentId) {
        List<UUID> postmortem = jdbc.queryForList("SELECT id FROM postmortem WHERE incident_id = ?", UUID.class,
                incidentId);
        if (postmortem.isEmpty()) {
            return;
        }
        UUID postmortemId = postmortem.get(0);
        for (Kept kept : jdbc.query("SELECT * FROM client_feedback WHERE incident_id = ? AND action_item_id IS NULL "
                + "ORDER BY answered_at, contact_id", ROW, incidentId)) {
            if (!kept.feedback().needsFollowUp()) {
                continue;
            }
            ClientFeedback feedback = kept.feedback();
            UUID itemId = UUID.randomUUID();
            Integer position = jdbc.queryForObject("SELECT COALESCE(MAX(position), -1) + 1 FROM action_item "
                    + "WHERE postmortem_id = ?", Integer.class, postmortemId);
            jdbc.update("INSERT INTO action_item (id, postmortem_id, position, description, owner, due_date, kind, "
                            + "from_client_feedback) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE)", itemId, postmortemId,
                    position, "Follow up the survey answer of " + feedback.who() + ": " + feedback.concerns()
                            + ". Call them back, answer what is still open and review how we communicated.",
                    properties.owner(), Date.valueOf(feedback.answeredAt().plus(properties.followUpWithin())
                            .atZone(ZoneOffset.UTC).toLocalDate()), Analysis.ActionKind.OTHER.name());
            jdbc.update("UPDATE client_feedback SET action_item_id = ? WHERE id = ?", itemId, kept.id());
        }
    }
}
