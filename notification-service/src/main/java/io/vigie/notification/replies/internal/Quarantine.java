package io.vigie.notification.replies.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.notification.InvalidInputException;
import io.vigie.notification.conversation.ClientMessage;
import io.vigie.notification.conversation.ClientMessages;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.replies.InboundMail;
import io.vigie.notification.replies.ReplyAddresses.Target;
import io.vigie.platform.web.problem.NotFoundException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.vigie.notification.InvalidInputException.field;

/**
 * The mails the inbox would not put on a case by itself, for a communications user to decide: attach one to the
 * incident, client and contact they name (it then enters the case like any reply, with who attached it), or discard
 * it with a reason. Each is decided once; the original stays either way.
 */
@Service
public class Quarantine {

    private static final int LIST_LIMIT = 500;
    private static final int REASON_LIMIT = 500;

    /** A mail waiting in quarantine, as listed. */
    public record Waiting(UUID id, Instant receivedAt, String reason, String from, String subject, UUID incidentId,
                          String clientId, String contactId, String evidenceSha256) {
    }

    /**
     * One mail, in whatever state: its safe headers, the reply as it would go on the case ({@code text}) and the
     * whole text part, quotes included ({@code fullText}).
     * Wide: the JSON body of {@code GET /api/replies/quarantine/{id}}, an API contract.
     */
    public record Item(UUID id, String state, String reason, Instant receivedAt, Map<String, String> headers,
                       String text, String fullText, UUID incidentId, String clientId, String contactId,
                       String evidenceSha256, UUID clientMessageId, String handledBy, Instant handledAt,
                       String discardReason) {
    }

    /**
     * A row of {@code inbound_mail}: the mail as read, whom its key named (each part null when unknown), and what a
     * user did with it.
     */
    private record Row(UUID id, String state, String reason, Instant receivedAt, Mail mail, Target target,
                       Handling handling) {
    }

    /** The mail as read: its Message-ID, its bytes and their SHA-256, and the reply text taken from it. */
    private record Mail(String messageId, byte[] raw, String sha256, String text) {
    }

    /** Attached as {@code clientMessageId}, or discarded for {@code discardReason}, by a user at a time. */
    private record Handling(UUID clientMessageId, String handledBy, Instant handledAt, String discardReason) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getObject("id", UUID.class),
            rs.getString("state"), rs.getString("reason"), instant(rs.getTimestamp("received_at")),
            new Mail(rs.getString("message_id"), rs.getBytes("raw"), rs.getString("sha256"), rs.getString("text")),
            new Target(rs.getObject("incident_id", UUID.class), rs.getString("client_id"),
                    rs.getString("contact_id")),
            new Handling(rs.getObject("client_message_id", UUID.class), rs.getString("handled_by"),
                    instant(rs.getTimestamp("handled_at")), rs.getString("discard_reason")));

    private final JdbcTemplate jdbc;
    private final ReplyInbox inbox;
    private final ClientMessages messages;
    private final Clock clock;

    public Quarantine(JdbcTemplate jdbc, ReplyInbox inbox, ClientMessages messages, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.messages = messages;
        this.clock = clock;
        Gauge.builder("vigie.notification.replies.quarantined", this, Quarantine::count)
                .description("Mails from the replies mailbox waiting in quarantine for a human").register(meters);
    }

    @Transactional(readOnly = true)
    public List<Waiting> waiting() {
        return jdbc.query("SELECT id, received_at, reason, from_address, subject, incident_id, client_id, contact_id, "
                        + "sha256 FROM inbound_mail WHERE state = 'QUARANTINED' ORDER BY received_at, id LIMIT "
                        + LIST_LIMIT,
                (rs, n) -> new Waiting(rs.getObject("id", UUID.class), instant(rs.getTimestamp("received_at")),
                        rs.getString("reason"), rs.getString("from_address"), rs.getString("subject"),
                        rs.getObject("incident_id", UUID.class), rs.getString("client_id"),
                        rs.getString("contact_id"), rs.getString("sha256")));
    }

    @Transactional(readOnly = true)
    public Item find(UUID id) {
        Row row = row(id);
        Map<String, String> headers = Map.of();
        String fullText = null;
        try {
            InboundMail mail = InboundMail.parse(row.mail().raw());
            headers = mail.safeHeaders();
            fullText = mail.text();
        } catch (Exception e) {
            // Unreadable: the original is there to download.
        }
        Handling handling = row.handling();
        return new Item(row.id(), row.state(), row.reason(), row.receivedAt(), headers, row.mail().text(), fullText,
                row.target().incidentId(), row.target().clientId(), row.target().contactId(), row.mail().sha256(),
                handling.clientMessageId(), handling.handledBy(), handling.handledAt(), handling.discardReason());
    }

    /** The mail as it arrived, by the hash a case's timeline shows; empty when no mail has it. */
    @Transactional(readOnly = true)
    public Optional<byte[]> original(String sha256) {
        return jdbc.query("SELECT raw FROM inbound_mail WHERE sha256 = ? LIMIT 1", (rs, n) -> rs.getBytes("raw"),
                sha256).stream().findFirst();
    }

    /** Puts a quarantined mail on the case of the incident, client and contact a human names; once. */
    @Transactional
    public ClientMessage attach(UUID id, String incidentId, String clientId, String contactId, String user) {
        List<Map<String, String>> problems = new ArrayList<>();
        UUID incident = null;
        if (incidentId == null || incidentId.isBlank()) {
            problems.add(field("incidentId", "required"));
        } else {
            try {
                incident = UUID.fromString(incidentId.strip());
            } catch (IllegalArgumentException e) {
                problems.add(field("incidentId", "not an incident id (a UUID)"));
            }
        }
        if (clientId == null || clientId.isBlank()) {
            problems.add(field("clientId", "required"));
        }
        if (contactId == null || contactId.isBlank()) {
            problems.add(field("contactId", "required"));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.badRequest(problems);
        }
        Row row = waitingRow(id);
        Optional<Contact> contact = Optional.empty();
        if (told(incident, null) == 0) {
            problems.add(field("incidentId", "no client was told about this incident"));
        } else if (told(incident, clientId) == 0) {
            problems.add(field("clientId", "was not told about this incident"));
        } else {
            contact = inbox.contact(clientId, contactId);
            if (contact.isEmpty()) {
                problems.add(field("contactId", "not a contact of this client"));
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.badRequest(problems);
        }
        if (row.mail().text() == null || row.mail().text().isBlank()) {
            throw InvalidInputException.unprocessable("Nothing to attach", List.of(field("text",
                    "nothing is left of the mail once quoted text and signature are removed: discard it")));
        }
        Target target = new Target(incident, clientId, contactId);
        ClientMessage message = ClientMessage.received(incident, new ClientMessage.Author(clientId, contactId,
                        contact.get().name(), contact.get().language()), row.mail().text(),
                row.receivedAt(), new ClientMessage.Origin("EMAIL_REPLY", aboutNotice(row, target),
                        row.mail().messageId(), row.mail().sha256(), user));
        if (jdbc.update("UPDATE inbound_mail SET state = 'ATTACHED', incident_id = ?, client_id = ?, contact_id = ?, "
                        + "client_message_id = ?, handled_by = ?, handled_at = ? WHERE id = ? AND state = 'QUARANTINED'",
                incident, clientId, contactId, message.id(), user, Timestamp.from(clock.instant()), id) == 0) {
            throw handled();
        }
        ClientMessages.Received received = messages.receive(message);
        if (!received.fresh()) {
            jdbc.update("UPDATE inbound_mail SET client_message_id = ? WHERE id = ?", received.message().id(), id);
        }
        return received.message();
    }

    /** Leaves a quarantined mail off every case, saying why; once. */
    @Transactional
    public void discard(UUID id, String reason, String user) {
        if (reason == null || reason.isBlank() || reason.length() > REASON_LIMIT) {
            throw InvalidInputException.badRequest(List.of(field("reason",
                    "required, at most " + REASON_LIMIT + " characters")));
        }
        waitingRow(id);
        if (jdbc.update("UPDATE inbound_mail SET state = 'DISCARDED', discard_reason = ?, handled_by = ?, "
                        + "handled_at = ? WHERE id = ? AND state = 'QUARANTINED'",
                reason.strip(), user, Timestamp.from(clock.instant()), id) == 0) {
            throw handled();
        }
    }

    public double count() {
        try {
            Long waiting = jdbc.queryForObject("SELECT COUNT(*) FROM inbound_mail WHERE state = 'QUARANTINED'",
                    Long.class);
            return waiting == null ? 0 : waiting;
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }

    private UUID aboutNotice(Row row, Target target) {
        try {
            return inbox.aboutNotice(InboundMail.parse(row.mail().raw()).inReplyTo(), target);
        } catch (Exception e) {
            return null;
        }
    }

    private long told(UUID incidentId, String clientId) {
        Long notices = clientId == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE incident_id = ?", Long.class, incidentId)
                : jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE incident_id = ? AND client_id = ?", Long.class,
                incidentId, clientId);
        return notices == null ? 0 : notices;
    }

    private Row row(UUID id) {
        return jdbc.query("SELECT * FROM inbound_mail WHERE id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No mail " + id + " from the replies mailbox"));
    }

    private Row waitingRow(UUID id) {
        Row row = row(id);
        if (!"QUARANTINED".equals(row.state())) {
            throw handled();
        }
        return row;
    }

    private static InvalidInputException handled() {
        return new InvalidInputException(409, "The mail was already handled",
                List.of(field("id", "no longer in quarantine")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
