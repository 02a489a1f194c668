package io.vigie.notification.delivery;

import io.vigie.notification.directory.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Email over SMTP, with a plain-text and an HTML part. The Message-ID is derived from the notice and the contact, so
 * the rare resend after a crash (see the README) carries the same id and mail clients show it once.
 */
@Component
class EmailSender implements ChannelSender {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final JavaMailSender mail;
    private final DeliveryProperties properties;

    EmailSender(JavaMailSender mail, DeliveryProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Outgoing message) throws DeliveryException {
        MimeMessage mime;
        try {
            mime = new FixedIdMessage(messageId(message));
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(message.recipient());
            helper.setSubject(message.rendered().subject());
            helper.setText(message.rendered().text(), message.rendered().html());
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setHeader("X-Vigie-Notice-Id", message.notice().id().toString());
        } catch (MessagingException e) {
            throw DeliveryException.permanent("Cannot build the email: " + e.getMessage());
        }
        try {
            mail.send(mime);
        } catch (MailParseException e) {
            throw DeliveryException.permanent("Cannot build the email: " + e.getMessage());
        } catch (MailSendException e) {
            boolean refusedAddress = e.getFailedMessages().values().stream()
                    .anyMatch(cause -> cause instanceof SendFailedException failed
                            && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0);
            throw new DeliveryException("SMTP: " + e.getMessage(), refusedAddress, e);
        } catch (MailException e) {
            throw DeliveryException.transientFailure("SMTP: " + e.getMessage(), e);
        }
    }

    static String messageId(Outgoing message) {
        String contact = message.contactId().replaceAll("[^A-Za-z0-9._-]", "_");
        return "<" + message.notice().id() + "." + contact + "@notification.vigie>";
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
