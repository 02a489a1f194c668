package io.vigie.notification.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vigie.notification.ack.LinkProperties;
import io.vigie.notification.incident.Category;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.notice.NoticeContent;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.replies.RepliesProperties;
import io.vigie.notification.replies.ReplyAddresses;
import io.vigie.notification.template.RenderedNotice;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Emails to a real SMTP server (GreenMail) through a counting relay in front of it, so the test sees how many
 * connections the sender opened.
 */
class EmailSenderTest {

    private GreenMail smtp;
    private CountingRelay relay;
    private JavaMailSenderImpl mail;
    private EmailSender sender;

    @BeforeEach
    void startSmtpServer() throws IOException {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        relay = new CountingRelay(smtp.getSmtp().getPort());
        mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(relay.port());
    }

    @AfterEach
    void stopSmtpServer() throws IOException {
        if (sender != null) {
            sender.destroy();
        }
        relay.close();
        smtp.stop();
    }

    @Test
    void shouldSendSuccessiveEmailsOverOneKeptConnection() throws Exception {
        sender = sender(100);

        for (int i = 0; i < 5; i++) {
            sender.send(email("contact" + i + "@client.example"));
        }

        assertThat(smtp.getReceivedMessages()).extracting(message -> message.getAllRecipients()[0].toString())
                .containsExactly("contact0@client.example", "contact1@client.example", "contact2@client.example",
                        "contact3@client.example", "contact4@client.example");
        assertThat(relay.accepted()).isEqualTo(1);
    }

    @Test
    void shouldSendWithoutAuthenticationWhenTheUserNameIsEmpty() throws Exception {
        // given the settings of a service whose VIGIE_SMTP_USER and VIGIE_SMTP_PASSWORD are unset (spring.mail.* = "")
        mail.setUsername("");
        mail.setPassword("");
        sender = sender(100);

        sender.send(email("contact@client.example"));

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void shouldKeepTheDerivedMessageIdAndTheNoticeHeaderOnAKeptConnection() throws Exception {
        sender = sender(100);
        Outgoing first = email("a@client.example");
        Outgoing second = email("b@client.example");

        sender.send(first);
        sender.send(second);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received[1].getMessageID()).isEqualTo(EmailSender.messageId(second));
        assertThat(received[1].getHeader("X-Vigie-Notice-Id")[0]).isEqualTo(second.notice().id().toString());
        assertThat(received[1].getSentDate()).isNotNull();
    }

    @Test
    void shouldOpenANewConnectionWhenTheServerDroppedTheKeptOne() throws Exception {
        sender = sender(100);
        sender.send(email("first@client.example"));

        // given the server closed the idle connection (a relay's idle timeout)
        relay.dropConnections();
        // when the next email goes out
        sender.send(email("second@client.example"));

        // then it is sent, on a new connection, and not lost or failed
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(relay.accepted()).isEqualTo(2);
    }

    @Test
    void shouldOpenANewConnectionAfterTheMessagesAllowedOnOne() throws Exception {
        sender = sender(2);

        for (int i = 0; i < 5; i++) {
            sender.send(email("contact" + i + "@client.example"));
        }

        assertThat(smtp.getReceivedMessages()).hasSize(5);
        assertThat(relay.accepted()).isEqualTo(3);
    }

    @Test
    void shouldNotUseAKeptConnectionOnceTheSenderPointsElsewhere() throws Exception {
        sender = sender(100);
        sender.send(email("first@client.example"));

        // given the SMTP settings now name a server that does not answer
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            mail.setPort(closed.getLocalPort());
        }

        // then the email fails as an outage does (retried with back-off), instead of going to the old server
        assertThatThrownBy(() -> sender.send(email("second@client.example")))
                .isInstanceOfSatisfying(DeliveryException.class, failure -> {
                    assertThat(failure.permanent()).isFalse();
                    assertThat(failure.getMessage()).startsWith("SMTP");
                });
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void shouldCloseTheKeptConnectionsWhenTheServiceStops() throws Exception {
        sender = sender(100);
        sender.send(email("first@client.example"));

        sender.destroy();

        await().atMost(Duration.ofSeconds(10)).until(relay::allClosed);
    }

    private EmailSender sender(int maxMessagesPerConnection) {
        DeliveryProperties properties = new DeliveryProperties("Vigie SOC <soc@vigie.test>", Duration.ofSeconds(1), 50,
                8, 4, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofSeconds(30),
                maxMessagesPerConnection);
        // No replies address: no Reply-To, and the key table is never touched (hence no database).
        ReplyAddresses noReplies = new ReplyAddresses(new RepliesProperties(null, null),
                new LinkProperties("http://vigie.test", null, Duration.ofDays(7)), null, Clock.systemUTC());
        return new EmailSender(mail, properties, noReplies);
    }

    private static Outgoing email(String recipient) {
        NoticeContent content = NoticeContent.of(new NoticeContent.Facts(Category.MALWARE, Severity.HIGH, null,
                List.of(), List.of(), false, List.of(), null));
        Notice notice = new Notice(UUID.randomUUID(), UUID.randomUUID(), "acme", Stage.INITIAL, 1, false, content,
                Instant.parse("2026-03-01T10:00:00Z"));
        return new Outgoing(UUID.randomUUID(), notice, "rssi", recipient,
                new RenderedNotice("INITIAL/DEFAULT/en", "Security notification", "text", "<p>html</p>"),
                "https://vigie.example/ack?t=x", null);
    }

    /** A TCP relay to the SMTP server that counts the connections it accepted and can drop them all. */
    private static final class CountingRelay implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final int target;
        private final AtomicInteger accepted = new AtomicInteger();
        private final Queue<Socket> open = new ConcurrentLinkedQueue<>();

        CountingRelay(int target) throws IOException {
            this.target = target;
            Thread acceptor = new Thread(this::accept, "smtp-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        void dropConnections() throws IOException {
            for (Socket socket; (socket = open.poll()) != null; ) {
                socket.close();
            }
        }

        boolean allClosed() {
            return open.stream().allMatch(Socket::isClosed);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    accepted.incrementAndGet();
                    open.add(client);
                    open.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    return;
                }
            }
        }

        /** Copies one direction; when either side ends, both sockets are closed. */
        private void pipe(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // The other side closed: the finally below closes this one too.
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "smtp-relay-pipe");
            thread.setDaemon(true);
            thread.start();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed.
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            dropConnections();
        }
    }
}
