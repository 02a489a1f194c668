package io.vigie.cases.incident.internal;

import io.vigie.cases.incident.AnswerDelivery;
import io.vigie.cases.incident.ClientContact;
import io.vigie.cases.incident.ClientMessage;
import io.vigie.cases.incident.CsatFigures;
import io.vigie.cases.incident.QuestionTimes;
import io.vigie.cases.incident.SurveyAnswer;
import io.vigie.platform.kafka.batch.InLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.vigie.cases.incident.internal.CaseRepository.utc;

/** The conversation with the incident's clients: their messages with the answers, and their survey answers. */
@Repository
public class ConversationRepository {

    private static final RowMapper<ClientMessage> MESSAGES = ConversationRepository::toMessage;

    private final JdbcTemplate jdbc;

    public ConversationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a message; false when the incident has it already (the same message reported twice). */
    public boolean addMessage(UUID incidentId, ClientMessage m) {
        return jdbc.update("INSERT INTO case_client_message (incident_id, message_id, client_id, contact_id, "
                        + "contact_name, language_code, via, body, received_at, about_notice_id, evidence_sha256, "
                        + "attached_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                incidentId, m.id(), m.from().clientId(), m.from().contactId(), m.from().name(),
                m.from().languageCode(), m.via().name(), m.text(), utc(m.receivedAt()), m.aboutNoticeId(),
                m.evidenceSha256(), m.attachedBy()) == 1;
    }

    /** The incident's client messages, oldest first. */
    public List<ClientMessage> messages(UUID incidentId) {
        return jdbc.query("SELECT * FROM case_client_message WHERE incident_id = ? ORDER BY received_at, message_id",
                MESSAGES, incidentId);
    }

    public Optional<ClientMessage> message(UUID incidentId, UUID messageId) {
        return jdbc.query("SELECT * FROM case_client_message WHERE incident_id = ? AND message_id = ?", MESSAGES,
                incidentId, messageId).stream().findFirst();
    }

    /** When each message of the cases among {@code incidentIds} was received and answered; cases without any left out. */
    public Map<UUID, List<QuestionTimes>> questionTimes(Collection<UUID> incidentIds) {
        Map<UUID, List<QuestionTimes>> byCase = new HashMap<>();
        for (List<UUID> chunk : InLists.slices(incidentIds.stream().distinct().toList())) {
            jdbc.query("SELECT incident_id, message_id, received_at, answered_at FROM case_client_message "
                    + "WHERE incident_id IN (" + InLists.placeholders(chunk.size()) + ") "
                    + "ORDER BY received_at, message_id", row -> {
                        byCase.computeIfAbsent(row.getObject(1, UUID.class), any -> new ArrayList<>())
                                .add(new QuestionTimes(row.getObject(2, UUID.class), instant(row, "received_at"),
                                        instant(row, "answered_at")));
                    }, chunk.toArray());
        }
        return byCase;
    }

    /** Marks a message answered, unless it was answered already; false then. */
    public boolean answer(UUID incidentId, UUID messageId, String text, String by, Instant at, boolean byPhone) {
        return jdbc.update("UPDATE case_client_message SET answered_at = ?, answered_by = ?, answered_by_phone = ?, "
                        + "answer_text = ? WHERE incident_id = ? AND message_id = ? AND answered_at IS NULL",
                utc(at), by, byPhone, text, incidentId, messageId) == 1;
    }

    /** Records how far a written answer got, unless it got further already (see {@link AnswerDelivery}). */
    public void recordAnswerDelivery(UUID incidentId, UUID messageId, AnswerDelivery state, Instant at) {
        List<Object> args = new ArrayList<>(List.of(state.name(), utc(at), incidentId, messageId));
        List<AnswerDelivery> before = state.before();
        before.forEach(earlier -> args.add(earlier.name()));
        jdbc.update("UPDATE case_client_message SET answer_delivery = ?, answer_delivery_at = ? "
                + "WHERE incident_id = ? AND message_id = ? AND (answer_delivery IS NULL"
                + (before.isEmpty() ? "" : " OR answer_delivery IN (" + InLists.placeholders(before.size()) + ")")
                + ")", args.toArray());
    }

    /** Everyone the incident concerns: its affected and suggested clients, and those who wrote about it. */
    public List<String> clientsOf(UUID incidentId) {
        return jdbc.queryForList("SELECT client_id FROM case_client WHERE incident_id = ? "
                + "UNION SELECT client_id FROM case_suggested_client WHERE incident_id = ? "
                + "UNION SELECT client_id FROM case_client_message WHERE incident_id = ? ORDER BY client_id",
                String.class, incidentId, incidentId, incidentId);
    }

    /** Records a survey answer; false when the contact answered the survey of this incident already. */
    public boolean addSurveyAnswer(SurveyAnswer a) {
        return jdbc.update("INSERT INTO case_survey_answer (incident_id, client_id, contact_id, contact_name, "
                        + "language_code, handling_rating, communication_rating, questions_answered, comment, "
                        + "answered_at, answered_month) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                a.incidentId(), a.contact().clientId(), a.contact().contactId(), a.contact().name(),
                a.contact().languageCode(), a.handling(), a.communication(), a.questionsAnswered(), a.comment(),
                utc(a.answeredAt()), month(a.answeredAt())) == 1;
    }

    /** The CSAT per client and month, from {@code from} on: the latest month first, then by client. */
    public List<CsatFigures> csat(YearMonth from) {
        return jdbc.query("SELECT answered_month, client_id, count(*), sum(handling_rating), "
                        + "sum(communication_rating), sum(CASE WHEN questions_answered THEN 0 ELSE 1 END) "
                        + "FROM case_survey_answer WHERE answered_month >= ? GROUP BY answered_month, client_id "
                        + "ORDER BY answered_month DESC, client_id",
                (rs, row) -> {
                    long answers = rs.getLong(3);
                    return new CsatFigures(rs.getString(1), rs.getString(2), answers,
                            (double) rs.getLong(4) / answers, (double) rs.getLong(5) / answers, rs.getLong(6));
                }, from.toString());
    }

    /** The latest survey answers, newest first. */
    public List<SurveyAnswer> latestSurveyAnswers(int limit) {
        return jdbc.query("SELECT * FROM case_survey_answer ORDER BY answered_at DESC, incident_id, contact_id "
                        + "LIMIT " + limit,
                (rs, row) -> new SurveyAnswer(rs.getObject("incident_id", UUID.class), contact(rs),
                        rs.getInt("handling_rating"), rs.getInt("communication_rating"),
                        rs.getBoolean("questions_answered"), rs.getString("comment"), instant(rs, "answered_at")));
    }

    /** The UTC month of an instant, "2026-03": the CSAT's period. */
    public static String month(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
    }

    private static ClientMessage toMessage(ResultSet rs, int row) throws SQLException {
        Instant answeredAt = instant(rs, "answered_at");
        String delivery = rs.getString("answer_delivery");
        ClientMessage.Answer answer = answeredAt == null ? null : new ClientMessage.Answer(rs.getString("answer_text"),
                rs.getString("answered_by"), answeredAt, rs.getBoolean("answered_by_phone"),
                delivery == null ? null : AnswerDelivery.valueOf(delivery), instant(rs, "answer_delivery_at"));
        return new ClientMessage(rs.getObject("message_id", UUID.class), contact(rs),
                ClientMessage.Via.valueOf(rs.getString("via")), rs.getString("body"), instant(rs, "received_at"),
                rs.getObject("about_notice_id", UUID.class), rs.getString("evidence_sha256"),
                rs.getString("attached_by"), answer);
    }

    private static ClientContact contact(ResultSet rs) throws SQLException {
        return new ClientContact(rs.getString("client_id"), rs.getString("contact_id"), rs.getString("contact_name"),
                rs.getString("language_code"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
