package io.vigie.notification.delivery;

import io.vigie.notification.directory.Channel;
import io.vigie.notification.notice.NoticeContent;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.replies.ReplyAddresses;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Email over SMTP, with a plain-text and an HTML part. The Message-ID is derived from the notice and the contact, so
 * the rare resend after a crash (see the README) carries the same id and mail clients show it once. Connections to the
 * server are kept between emails ({@link SmtpConnections}).
 */
@Component
class EmailSender implements ChannelSender, DisposableBean {

    private static final Session SESSION = Session.getInstance(new Properties());

    /** Only read when a file is attached, which a notice never is: one for all messages instead of one each. */
    private static final FileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

    /**
     * Times the writes of {@code mail.smtp.writetimeout} for every connection. Without it Angus Mail starts a
     * scheduler thread for each connection, that is for each email.
     */
    private static final ScheduledThreadPoolExecutor WRITE_TIMEOUTS = writeTimeouts();

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up for every MIME part it reads or writes, through ServiceLoader
        // (a scan of every jar's services) unless this property names the class: that scan was 8% of the local
        // stack's CPU under load. Angus Mail, the implementation Spring Boot brings, provides it.
        if (System.getProperty(STREAM_PROVIDER) == null && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, null)) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private final JavaMailSender mail;
    private final DeliveryProperties properties;
    private final ReplyAddresses replies;
    /** Null when the sender is not Spring's SMTP one (then each email goes through {@link JavaMailSender#send}). */
    private final SmtpConnections connections;

    EmailSender(JavaMailSender mail, DeliveryProperties properties, ReplyAddresses replies) {
        this.mail = mail;
        this.properties = properties;
        this.replies = replies;
        if (mail instanceof JavaMailSenderImpl sender) {
            // Read when the first email opens the session: an object, which the string properties cannot carry.
            sender.getJavaMailProperties().put("mail.smtp.executor.writetimeout", WRITE_TIMEOUTS);
            sender.getJavaMailProperties().put("mail.smtps.executor.writetimeout", WRITE_TIMEOUTS);
            this.connections = new SmtpConnections(sender, properties.smtpMaxIdle(), properties.smtpMaxMessages());
        } else {
            this.connections = null;
        }
    }

    private static ScheduledThreadPoolExecutor writeTimeouts() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "smtp-write-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Outgoing message) throws DeliveryException {
        MimeMessage mime = build(message);
        if (connections == null) {
            sendThroughSpring(mime);
            return;
        }
        SmtpConnections.Connection connection;
        try {
            connection = connections.borrow();
        } catch (MessagingException e) {
            throw DeliveryException.transientFailure("SMTP: " + e.getMessage(), e);
        }
        boolean sent = false;
        try {
            connection.transport.sendMessage(mime, mime.getAllRecipients());
            sent = true;
        } catch (SendFailedException e) {
            throw new DeliveryException("SMTP: " + e.getMessage(), refusedAddress(e), e);
        } catch (MessagingException e) {
            throw DeliveryException.transientFailure("SMTP: " + e.getMessage(), e);
        } finally {
            connections.release(connection, sent);
        }
    }

    private MimeMessage build(Outgoing message) throws DeliveryException {
        try {
            MimeMessage mime = new FixedIdMessage(messageId(message));
            MimeMessageHelper helper = new Helper(mime);
            helper.setFrom(properties.from());
            helper.setTo(message.recipient());
            helper.setSubject(message.rendered().subject());
            helper.setText(message.rendered().text(), message.rendered().html());
            mime.setHeader("Auto-Submitted", "auto-generated");
            // A reply goes to the replies mailbox, with a key that says which incident, client and contact it is about.
            Optional<String> replyTo = replies.addressFor(message.notice().incidentId(), message.notice().clientId(),
                    message.contactId());
            if (replyTo.isPresent()) {
                helper.setReplyTo(replyTo.get());
            }
            if (message.notice().stage() != Stage.INITIAL) {
                // One thread per incident and client: every later notice answers the first one; an answer to the
                // client's own email replies to that email, in the same thread.
                String root = messageId(message.notice().threadRootId(), message.contactId());
                NoticeContent.Answer answer = message.notice().content().answer();
                String repliesTo = answer == null ? null : answer.repliesTo();
                mime.setHeader("In-Reply-To", repliesTo == null ? root : repliesTo);
                mime.setHeader("References", repliesTo == null ? root : root + " " + repliesTo);
            }
            mime.setHeader("X-Vigie-Notice-Id", message.notice().id().toString());
            // What Spring's sender does before it writes a message: the Date header, then the final headers.
            mime.setSentDate(new Date());
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw DeliveryException.permanent("Cannot build the email: " + e.getMessage());
        }
    }

    private void sendThroughSpring(MimeMessage mime) throws DeliveryException {
        try {
            mail.send(mime);
        } catch (MailParseException e) {
            throw DeliveryException.permanent("Cannot build the email: " + e.getMessage());
        } catch (MailSendException e) {
            boolean refusedAddress = e.getFailedMessages().values().stream()
                    .anyMatch(cause -> cause instanceof SendFailedException failed && refusedAddress(failed));
            throw new DeliveryException("SMTP: " + e.getMessage(), refusedAddress, e);
        } catch (MailException e) {
            throw DeliveryException.transientFailure("SMTP: " + e.getMessage(), e);
        }
    }

    /** The server refused the address itself: permanent, unlike a refusal for a passing reason. */
    private static boolean refusedAddress(SendFailedException failure) {
        return failure.getInvalidAddresses() != null && failure.getInvalidAddresses().length > 0;
    }

    @Override
    public void destroy() {
        if (connections != null) {
            connections.close();
        }
    }

    static String messageId(Outgoing message) {
        return messageId(message.notice().id(), message.contactId());
    }

    static String messageId(UUID noticeId, String contactId) {
        String contact = contactId.replaceAll("[^A-Za-z0-9._-]", "_");
        return "<" + noticeId + "." + contact + "@notification.vigie>";
    }

    /** Spring's helper would otherwise load its MIME type table from the class path for every message. */
    private static final class Helper extends MimeMessageHelper {
        Helper(MimeMessage mime) throws MessagingException {
            super(mime, true, StandardCharsets.UTF_8.name());
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return FILE_TYPES;
        }
    }

    /** JavaMail replaces the Message-ID on every save; this keeps the derived one. */
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
