package io.vigie.notification.replies.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.notification.conversation.ClientMessage;
import io.vigie.notification.conversation.ClientMessages;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.notice.Notices;
import io.vigie.notification.replies.InboundMail;
import io.vigie.notification.replies.QuarantineReason;
import io.vigie.notification.replies.ReplyAddresses;
import io.vigie.notification.replies.ReplyAddresses.Target;
import io.vigie.notification.replies.ReplyText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes one mail from the replies mailbox: keeps its original as evidence, and either puts the reply on its case
 * ({@link ClientMessages}) or quarantines it with the reason, in one transaction. A reply is accepted only when its
 * Reply-To key was handed out and its sender is the very contact the key was made for; nothing is attached by guess.
 */
@Service
public class ReplyInbox {

    /** The Message-ID of a notice email ({@code <noticeId.contactId@notification.vigie>}, see EmailSender). */
    private static final Pattern NOTICE_MESSAGE_ID = Pattern.compile(
            "<([0-9a-fA-F-]{36})\\.[^@<>\\s]+@notification\\.vigie>");

    /** What became of a mail; {@code outcome} is {@code accepted}, {@code duplicate} or the reason, in lowercase. */
    public record Read(UUID mailId, String outcome) {
    }

    private final JdbcTemplate jdbc;
    private final ReplyAddresses addresses;
    private final ClientDirectory directory;
    private final ClientMessages messages;
    private final Notices notices;
    private final MeterRegistry meters;
    private final Clock clock;

    public ReplyInbox(JdbcTemplate jdbc, ReplyAddresses addresses, ClientDirectory directory, ClientMessages messages,
                      Notices notices, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.directory = directory;
        this.messages = messages;
        this.notices = notices;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Reads one mail, given as its original bytes. A mail whose Message-ID was read before (by this instance or
     * another) changes nothing: the unique Message-ID makes the second insert wait for the first and then do nothing.
     */
    @Transactional
    public Read read(byte[] raw) {
        String sha256 = sha256(raw);
        Parsed mail = Parsed.of(raw, addresses);
        String messageId = mail.messageId() != null ? mail.messageId() : "<" + sha256 + "@no-message-id.vigie>";
        Decision decision = decide(mail);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        ClientMessage message = decision.reason() == null ? ClientMessage.received(decision.target().incidentId(),
                new ClientMessage.Author(decision.target().clientId(), decision.contact().id(),
                        decision.contact().name(), decision.contact().language()), decision.text(), now,
                new ClientMessage.Origin("EMAIL_REPLY", aboutNotice(mail.inReplyTo(), decision.target()), messageId,
                        sha256, null)) : null;
        Target target = decision.target();
        int inserted = jdbc.update("INSERT INTO inbound_mail (id, message_id, received_at, raw, sha256, from_address, "
                        + "subject, state, reason, incident_id, client_id, contact_id, text, client_message_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                id, messageId, Timestamp.from(now), raw, sha256, mail.from(), mail.subject(),
                message == null ? "QUARANTINED" : "ACCEPTED",
                decision.reason() == null ? null : decision.reason().name(),
                target == null ? null : target.incidentId(), target == null ? null : target.clientId(),
                target == null ? null : target.contactId(), decision.text(),
                message == null ? null : message.id());
        String outcome;
        if (inserted == 0) {
            outcome = "duplicate";
        } else if (message != null) {
            ClientMessages.Received received = messages.receive(message);
            if (!received.fresh()) {
                jdbc.update("UPDATE inbound_mail SET client_message_id = ? WHERE id = ?", received.message().id(), id);
            }
            outcome = "accepted";
        } else {
            outcome = decision.reason().name().toLowerCase(Locale.ROOT);
        }
        meters.counter("vigie.notification.replies.read", "outcome", outcome).increment();
        return new Read(inserted == 0 ? null : id, outcome);
    }

    private Decision decide(Parsed mail) {
        if (mail.unreadable()) {
            return Decision.quarantined(QuarantineReason.UNREADABLE, null, null);
        }
        if (mail.automatic()) {
            return Decision.quarantined(QuarantineReason.AUTO_REPLY, null, mail.strippedText());
        }
        if (mail.tags().isEmpty()) {
            return Decision.quarantined(QuarantineReason.NO_KEY, null, mail.strippedText());
        }
        List<Target> targets = mail.tags().stream().map(addresses::resolve).flatMap(Optional::stream)
                .distinct().toList();
        if (targets.isEmpty()) {
            return Decision.quarantined(QuarantineReason.UNKNOWN_KEY, null, mail.strippedText());
        }
        if (targets.size() > 1) {
            return Decision.quarantined(QuarantineReason.SEVERAL_KEYS, null, mail.strippedText());
        }
        Target target = targets.get(0);
        Optional<Contact> contact = contact(target.clientId(), target.contactId());
        if (contact.isEmpty() || mail.from() == null || contact.get().email() == null
                || !mail.from().equalsIgnoreCase(contact.get().email().strip())) {
            return Decision.quarantined(QuarantineReason.SENDER_MISMATCH, target, mail.strippedText());
        }
        if (mail.strippedText().isBlank()) {
            return Decision.quarantined(QuarantineReason.EMPTY, target, mail.strippedText());
        }
        return new Decision(null, target, contact.get(), mail.strippedText());
    }

    public Optional<Contact> contact(String clientId, String contactId) {
        return directory.find(clientId).flatMap(client -> client.contacts().stream()
                .filter(contact -> contact.id().equals(contactId)).findFirst());
    }

    /** The notice the mail answers, when its In-Reply-To names one of this incident's notices to this client. */
    public UUID aboutNotice(String inReplyTo, Target target) {
        if (inReplyTo == null) {
            return null;
        }
        Matcher matcher = NOTICE_MESSAGE_ID.matcher(inReplyTo);
        if (!matcher.find()) {
            return null;
        }
        try {
            return notices.find(UUID.fromString(matcher.group(1)))
                    .filter(notice -> notice.incidentId().equals(target.incidentId())
                            && notice.clientId().equals(target.clientId()))
                    .map(Notice::id).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Accepted when there is no reason to quarantine: then the contact is the sender. */
    private record Decision(QuarantineReason reason, Target target, Contact contact, String text) {
        static Decision quarantined(QuarantineReason reason, Target target, String text) {
            return new Decision(reason, target, null, text);
        }
    }

    /** What is read from the mail, once; {@code unreadable} when it cannot be parsed. */
    public record Parsed(boolean unreadable, String messageId, String from, String subject, String inReplyTo,
                         List<String> tags, boolean automatic, String strippedText) {

        static Parsed of(byte[] raw, ReplyAddresses addresses) {
            try {
                InboundMail mail = InboundMail.parse(raw);
                List<String> tags = addresses.local() == null ? List.of()
                        : mail.replyTags(addresses.local(), addresses.domain());
                return new Parsed(false, mail.messageId(), mail.from(), mail.subject(), mail.inReplyTo(), tags,
                        mail.automatic(), ReplyText.strip(mail.text()));
            } catch (Exception e) {
                // Whatever a malformed mail makes the parser throw: the original is kept, a human looks at it.
                String messageId = null;
                try {
                    messageId = InboundMail.parse(raw).messageId();
                } catch (Exception ignored) {
                    // not even the headers
                }
                return new Parsed(true, messageId, null, null, null, List.of(), false, null);
            }
        }
    }
}
