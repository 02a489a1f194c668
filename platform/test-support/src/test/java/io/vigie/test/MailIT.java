package io.vigie.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VigieInfrastructureExtension.class)
class MailIT {

    private final VigieInfrastructure infrastructure;

    MailIT(VigieInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    @BeforeEach
    void emptyMailboxes() {
        infrastructure.purgeMail();
    }

    @Test
    void shouldReceiveAMailSentOverSmtp() throws Exception {
        // given
        MimeMessage notice = new MimeMessage(smtpSession());
        notice.setFrom(new InternetAddress("soc@vigie.example"));
        notice.setRecipient(Message.RecipientType.TO, new InternetAddress("it-team@client.example"));
        notice.setSubject("[CRITICAL] Ransomware activity on file server");
        notice.setText("We isolated the server at 09:14 UTC. Next update within the hour.");

        // when
        Transport.send(notice);

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> infrastructure.mail().getReceivedMessages().length == 1);
        MimeMessage received = infrastructure.mail().getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("[CRITICAL] Ransomware activity on file server");
        assertThat(((String) received.getContent()).strip()).isEqualTo("We isolated the server at 09:14 UTC. Next update within the hour.");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("it-team@client.example");
    }

    @Test
    void shouldForgetEarlierMailWhenPurged() throws Exception {
        // given
        MimeMessage notice = new MimeMessage(smtpSession());
        notice.setFrom(new InternetAddress("soc@vigie.example"));
        notice.setRecipient(Message.RecipientType.TO, new InternetAddress("ciso@client.example"));
        notice.setSubject("Incident resolved");
        notice.setText("Resolved.");
        Transport.send(notice);
        await().atMost(Duration.ofSeconds(10)).until(() -> infrastructure.mail().getReceivedMessages().length == 1);

        // when
        infrastructure.purgeMail();

        // then
        assertThat(infrastructure.mail().getReceivedMessages()).isEmpty();
    }

    private Session smtpSession() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", infrastructure.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(infrastructure.smtpPort()));
        return Session.getInstance(properties);
    }
}
