package io.vigie.notification.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.ClientMessageChannel;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.Topics;
import io.vigie.notification.notice.Questions;
import io.vigie.notification.notice.Questions.Question;
import io.vigie.platform.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place where a client's message enters Vigie: stored, then published as ClientMessageReceived in the same
 * transaction, so case-service puts it on the case timeline exactly once, and the communications mailbox is told
 * ({@link CommsAlerts}, queued in that transaction too). Whatever the way in (the question page, an email reply, a
 * quarantined email a human attached), it ends here.
 */
@Service
public class ClientMessages implements Questions {

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
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;
    private final CommsAlerts comms;

    ClientMessages(JdbcTemplate jdbc, Outbox outbox, MeterRegistry meters, Clock clock, CommsAlerts comms) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
        this.comms = comms;
    }

    /**
     * Stores the message, publishes it and queues the email to the communications mailbox. A message whose
     * {@code externalId} was already received is not stored again: the first one is returned, and nothing is
     * published.
     *
     * @return the stored message, and whether it is new
     */
    @Transactional
    public Received receive(ClientMessage message) {
        if (message.origin().externalId() != null) {
            Optional<ClientMessage> earlier = jdbc.query("SELECT * FROM client_message WHERE external_id = ?", ROW,
                    message.origin().externalId()).stream().findFirst();
            if (earlier.isPresent()) {
                return new Received(earlier.get(), false);
            }
        }
        ClientMessage.Author author = message.author();
        ClientMessage.Origin origin = message.origin();
        jdbc.update("INSERT INTO client_message (id, incident_id, client_id, contact_id, contact_name, language, via, "
                        + "text, received_at, about_notice_id, external_id, evidence_sha256, attached_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message.id(), message.incidentId(), author.clientId(), author.contactId(), author.contactName(),
                author.language(), origin.via(), message.text(), Timestamp.from(message.receivedAt()),
                origin.aboutNoticeId(), origin.externalId(), origin.evidenceSha256(), origin.attachedBy());
        outbox.append(Topics.CLIENT_MESSAGES, message.incidentId().toString(), ClientMessageReceived.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(clock.instant()).setProducer("notification-service")
                .setIncidentId(message.incidentId()).setMessageId(message.id()).setClientId(author.clientId())
                .setContactId(author.contactId()).setContactName(author.contactName())
                .setLanguage(author.language()).setVia(ClientMessageChannel.valueOf(origin.via()))
                .setText(message.text()).setReceivedAt(message.receivedAt()).setAboutNoticeId(origin.aboutNoticeId())
                .setEvidenceSha256(origin.evidenceSha256()).setAttachedBy(origin.attachedBy())
                .build());
        comms.tell(message);
        meters.counter("vigie.notification.client-messages", "via", message.origin().via()).increment();
        return new Received(message, true);
    }

    public record Received(ClientMessage message, boolean fresh) {
    }

    @Transactional(readOnly = true)
    public Optional<ClientMessage> find(UUID id) {
        return jdbc.query("SELECT * FROM client_message WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Question> question(UUID messageId) {
        return find(messageId).map(ClientMessage::question);
    }

    /** What one client wrote about one incident, oldest first. */
    @Transactional(readOnly = true)
    public List<ClientMessage> of(UUID incidentId, String clientId) {
        return jdbc.query("SELECT * FROM client_message WHERE incident_id = ? AND client_id = ? ORDER BY received_at, id",
                ROW, incidentId, clientId);
    }

    /**
     * Records the answer; the first answer wins (a second one, replayed or concurrent, changes nothing).
     *
     * @param via {@code NOTICE} or {@code PHONE}
     * @return whether this call recorded it
     */
    @Override
    @Transactional
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
