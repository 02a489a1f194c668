package io.vigie.notification.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.notice.NoticeProperties;
import io.vigie.notification.wording.Languages;
import io.vigie.notification.wording.Phrases;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Tells the SOC's communications mailbox that a client wrote: who, about which incident, their words, and the case to
 * answer from. The email is written in the transaction that stores the message (so it is never lost) and sent after
 * it committed, retried with the deliveries' back-off until the mail server takes it; a row is taken by one UPDATE,
 * so of several instances one sends it, and a resend after a crash keeps its Message-ID.
 *
 * <p>Not a notice: a notice is the client-facing contract (one per incident, client, stage and sequence, each outcome
 * published as ClientNotified, rendered from client templates), and this email is internal, carries the client's raw
 * words and has no stage. So it has its own small queue, {@code comms_alert}, with the same guarantees. Other internal
 * emails to the SOC (the managers' regulatory deadline warnings) go through the same queue ({@link #queue}) rather
 * than a second copy of its sending and retries.
 */
@Component
public class CommsAlerts {

    private static final Logger log = LoggerFactory.getLogger(CommsAlerts.class);
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int BATCH = 20;
    private static final int ERROR_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final CommsProperties properties;
    private final ClientDirectory directory;
    private final ConversationWords words;
    private final Phrases phrases;
    private final NoticeProperties notices;
    private final InternalMailing delivery;
    private final JavaMailSender mail;
    private final MeterRegistry meters;
    private final Clock clock;

    CommsAlerts(JdbcTemplate jdbc, CommsProperties properties, ClientDirectory directory, ConversationWords words,
                Phrases phrases, NoticeProperties notices, InternalMailing delivery, JavaMailSender mail,
                MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.directory = directory;
        this.words = words;
        this.phrases = phrases;
        this.notices = notices;
        this.delivery = delivery;
        this.mail = mail;
        this.meters = meters;
        this.clock = clock;
    }

    /** In the caller's transaction: the email about this message, due now. Nothing when no mailbox is set. */
    void tell(ClientMessage message) {
        if (!properties.enabled()) {
            return;
        }
        String language = properties.language();
        ClientMessage.Author author = message.author();
        String client = directory.find(author.clientId()).map(Client::name).orElse(author.clientId());
        String via = "comms.via." + message.origin().via();
        Map<String, String> values = Map.of("client", client, "clientId", author.clientId(),
                "contact", author.contactName(), "contactId", author.contactId(),
                "ref", reference(message.incidentId()), "incidentId", message.incidentId().toString(),
                "language", Languages.locale(author.language()).getDisplayLanguage(Languages.locale(language)),
                "date", phrases.book(language).dateTime(message.receivedAt(), notices.zone()),
                "via", words.has(language, via) ? words.text(language, via) : message.origin().via(),
                "caseUrl", properties.caseUrl(message.incidentId()));
        List<String> body = new ArrayList<>();
        body.add(words.text(language, "comms.intro", values));
        body.add("");
        for (String line : List.of("client", "contact", "incident", "received")) {
            body.add(words.text(language, "comms." + line, values));
        }
        body.add("");
        body.add(words.text(language, "comms.message"));
        body.add(message.text());
        body.add("");
        body.add(words.text(language, "comms.case", values));
        body.add(words.text(language, "comms.footer"));
        queue(message.id(), message.incidentId(), properties.address().strip(),
                words.text(language, "comms.subject", values), String.join("\n", body));
    }

    /**
     * In the caller's transaction: an internal email, due now, sent after the commit like the others. {@code id} is
     * the row's key and the email's Message-ID: one email per id, so it must be the id of what the email is about
     * (the client message, the event), never a fresh one.
     */
    public void queue(UUID id, UUID incidentId, String recipient, String subject, String body) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO comms_alert (message_id, incident_id, recipient, subject, body, state, attempts, "
                        + "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                id, incidentId, recipient, subject, body, now, now);
    }

    /**
     * Sends the emails due now; a failed one waits its back-off, one the server refuses for good is given up. The round
     * stops at the first failure that may pass: the server is likely down for the others too, and this runs on the
     * scheduler's thread, which the update schedule shares.
     */
    @Scheduled(fixedDelayString = "${vigie.notification.delivery.poll-interval:1s}")
    void sendDue() {
        Instant now = clock.instant();
        jdbc.update("UPDATE comms_alert SET state = 'PENDING', lease_until = NULL WHERE state = 'SENDING' "
                + "AND lease_until < ?", Timestamp.from(now));
        for (UUID id : jdbc.queryForList("SELECT message_id FROM comms_alert WHERE state = 'PENDING' "
                + "AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT " + BATCH, UUID.class,
                Timestamp.from(now))) {
            if (jdbc.update("UPDATE comms_alert SET state = 'SENDING', lease_until = ?, attempts = attempts + 1 "
                    + "WHERE message_id = ? AND state = 'PENDING'", Timestamp.from(now.plus(delivery.lease())),
                    id) == 1 && !send(id)) {
                return;
            }
        }
    }

    /** False when the attempt failed for a reason that may pass (to be retried). */
    private boolean send(UUID id) {
        Map<String, Object> row = jdbc.queryForMap("SELECT incident_id, recipient, subject, body, attempts "
                + "FROM comms_alert WHERE message_id = ?", id);
        int attempts = ((Number) row.get("attempts")).intValue();
        try {
            mail.send(email(id, row));
            jdbc.update("UPDATE comms_alert SET state = 'SENT', sent_at = ?, lease_until = NULL, last_error = NULL "
                    + "WHERE message_id = ? AND state = 'SENDING'", Timestamp.from(clock.instant()), id);
            meters.counter("vigie.notification.comms.alerts", "outcome", "sent").increment();
            return true;
        } catch (MailException | MessagingException e) {
            boolean refused = e instanceof AddressException || e instanceof MailParseException
                    || e instanceof MailSendException failure && failure.getFailedMessages().values().stream()
                    .anyMatch(cause -> cause instanceof SendFailedException sent
                            && sent.getInvalidAddresses() != null && sent.getInvalidAddresses().length > 0);
            String error = truncate(e.getMessage());
            jdbc.update("UPDATE comms_alert SET state = ?, next_attempt_at = ?, lease_until = NULL, last_error = ? "
                            + "WHERE message_id = ? AND state = 'SENDING'", refused ? "FAILED" : "PENDING",
                    Timestamp.from(clock.instant().plus(delivery.backOff(attempts))), error, id);
            meters.counter("vigie.notification.comms.alerts", "outcome", refused ? "failed" : "retried").increment();
            log.warn("Internal email {} (incident {}) to {} {} (attempt {}): {}", id, row.get("incident_id"),
                    row.get("recipient"), refused ? "refused for good" : "failed, retried", attempts, error);
            return refused;
        }
    }

    private MimeMessage email(UUID id, Map<String, Object> row) throws MessagingException {
        MimeMessage mime = new FixedIdMessage("<comms." + id + "@notification.vigie>");
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        helper.setFrom(delivery.from());
        helper.setTo((String) row.get("recipient"));
        helper.setSubject((String) row.get("subject"));
        helper.setText((String) row.get("body"), false);
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("X-Vigie-Incident-Id", String.valueOf(row.get("incident_id")));
        return mime;
    }


    /** The incident's short reference, as the SOC's emails print it: the first 8 hex digits, upper case. */
    public static String reference(UUID incidentId) {
        return incidentId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String truncate(String message) {
        String text = message == null ? "unknown error" : message;
        return text.length() > ERROR_LIMIT ? text.substring(0, ERROR_LIMIT) : text;
    }

    /** JavaMail replaces the Message-ID on every save; this keeps the one derived from the message. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(String id) {
            super(SESSION);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
