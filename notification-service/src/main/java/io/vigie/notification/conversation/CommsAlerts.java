package io.vigie.notification.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.notification.conversation.internal.CommsAlertRows;
import io.vigie.notification.conversation.internal.CommsAlertRows.Alert;
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
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
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

    private final CommsAlertRows rows;
    private final CommsProperties properties;
    private final ClientDirectory directory;
    private final ConversationWords words;
    private final Phrases phrases;
    private final NoticeProperties notices;
    private final InternalMailing delivery;
    private final JavaMailSender mail;
    private final MeterRegistry meters;
    private final Clock clock;

    CommsAlerts(CommsAlertRows rows, CommsProperties properties, ClientDirectory directory, ConversationWords words,
                Phrases phrases, NoticeProperties notices, InternalMailing delivery, JavaMailSender mail,
                MeterRegistry meters, Clock clock) {
        this.rows = rows;
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
        rows.insert(id, incidentId, recipient, subject, body, clock.instant());
    }

    /**
     * Sends the emails due now; a failed one waits its back-off, one the server refuses for good is given up. The round
     * stops at the first failure that may pass: the server is likely down for the others too, and this runs on the
     * scheduler's thread, which the update schedule shares.
     */
    @Scheduled(fixedDelayString = "${vigie.notification.delivery.poll-interval:1s}")
    void sendDue() {
        Instant now = clock.instant();
        rows.releaseExpiredLeases(now);
        for (UUID id : rows.due(now, BATCH)) {
            if (rows.take(id, now.plus(delivery.lease())) && !send(id)) {
                return;
            }
        }
    }

    /** False when the attempt failed for a reason that may pass (to be retried). */
    private boolean send(UUID id) {
        Alert row = rows.find(id);
        int attempts = row.attempts();
        try {
            mail.send(email(id, row));
            rows.sent(id, clock.instant());
            meters.counter("vigie.notification.comms.alerts", "outcome", "sent").increment();
            return true;
        } catch (MailException | MessagingException e) {
            boolean refused = e instanceof AddressException || e instanceof MailParseException
                    || e instanceof MailSendException failure && failure.getFailedMessages().values().stream()
                    .anyMatch(cause -> cause instanceof SendFailedException sent
                            && sent.getInvalidAddresses() != null && sent.getInvalidAddresses().length > 0);
            String error = truncate(e.getMessage());
            rows.failed(id, refused ? "FAILED" : "PENDING", clock.instant().plus(delivery.backOff(attempts)), error);
            meters.counter("vigie.notification.comms.alerts", "outcome", refused ? "failed" : "retried").increment();
            log.warn("Internal email {} (incident {}) to {} {} (attempt {}): {}", id, row.incidentId(),
                    row.recipient(), refused ? "refused for good" : "failed, retried", attempts, error);
            return refused;
        }
    }

    private MimeMessage email(UUID id, Alert row) throws MessagingException {
        MimeMessage mime = new FixedIdMessage("<comms." + id + "@notification.vigie>");
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        helper.setFrom(delivery.from());
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        helper.setText(row.body(), false);
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("X-Vigie-Incident-Id", String.valueOf(row.incidentId()));
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
