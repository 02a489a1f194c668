package io.vigie.notification.conversation.internal;

import io.vigie.notification.conversation.ClientMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rows of {@code client_message}, for {@code ClientMessages}, in its transactions. */
@Repository
public class MessageRows {

    private static final RowMapper<ClientMessage> ROW = (rs, n) -> new ClientMessage(rs.getObject("id", UUID.class),
            rs.getObject("incident_id", UUID.class),
            new ClientMessage.Author(rs.getString("client_id"), rs.getString("contact_id"),
                    rs.getString("contact_name"), rs.getString("language")),
            rs.getString("text"), instant(rs.getTimestamp("received_at")),
            new ClientMessage.Origin(rs.getString("via"), rs.getObject("about_notice_id", UUID.class),
                    rs.getString("external_id"), rs.getString("evidence_sha256"), rs.getString("attached_by")),
            rs.getTimestamp("answered_at") == null ? null : new ClientMessage.Answer(
                    instant(rs.getTimestamp("answered_at")), rs.getString("answered_by"),
                    rs.getString("answered_via"), rs.getString("answer_text"),
                    rs.getObject("answer_notice_id", UUID.class)));

    private final JdbcTemplate jdbc;

    public MessageRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClientMessage> byExternalId(String externalId) {
        return jdbc.query("SELECT * FROM client_message WHERE external_id = ?", ROW, externalId).stream().findFirst();
    }

    public void insert(ClientMessage message) {
        ClientMessage.Author author = message.author();
        ClientMessage.Origin origin = message.origin();
        jdbc.update("INSERT INTO client_message (id, incident_id, client_id, contact_id, contact_name, language, via, "
                        + "text, received_at, about_notice_id, external_id, evidence_sha256, attached_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message.id(), message.incidentId(), author.clientId(), author.contactId(), author.contactName(),
                author.language(), origin.via(), message.text(), Timestamp.from(message.receivedAt()),
                origin.aboutNoticeId(), origin.externalId(), origin.evidenceSha256(), origin.attachedBy());
    }

    public Optional<ClientMessage> find(UUID id) {
        return jdbc.query("SELECT * FROM client_message WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** What one client wrote about one incident, oldest first. */
    public List<ClientMessage> of(UUID incidentId, String clientId) {
        return jdbc.query("SELECT * FROM client_message WHERE incident_id = ? AND client_id = ? ORDER BY received_at, id",
                ROW, incidentId, clientId);
    }

    /** Records the answer unless one was recorded before; false then. */
    public boolean answered(UUID messageId, String answeredBy, Instant answeredAt, String via, String answerText,
                            UUID answerNoticeId) {
        return jdbc.update("UPDATE client_message SET answered_at = ?, answered_by = ?, answered_via = ?, "
                        + "answer_text = ?, answer_notice_id = ? WHERE id = ? AND answered_at IS NULL",
                Timestamp.from(answeredAt), answeredBy, via, answerText, answerNoticeId, messageId) == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
