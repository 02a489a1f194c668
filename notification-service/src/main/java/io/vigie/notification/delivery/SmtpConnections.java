package io.vigie.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Open SMTP connections kept between emails, as mail relays expect from a bulk sender: a new connection for every
 * email costs a TCP handshake, the server's greeting, EHLO (and STARTTLS and AUTH when configured) and QUIT, several
 * round trips before and after the one that matters. A connection is lent to one sender at a time; before it is
 * lent again it must answer a NOOP (a server may drop an idle connection at any time), and one that failed a send,
 * stayed idle too long, carried {@code maxMessages} or was opened to another server or user than the sender's
 * current settings (changed at run time: a rotated password, another relay) is closed rather than kept.
 *
 * <p>Nothing is ever retried here: a send that fails is reported to the delivery worker, which retries it with
 * back-off as before, so reusing connections adds no way of sending an email twice.
 */
final class SmtpConnections implements AutoCloseable {

    private final JavaMailSenderImpl mail;
    private final long maxIdleNanos;
    private final int maxMessages;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    SmtpConnections(JavaMailSenderImpl mail, Duration maxIdle, int maxMessages) {
        this.mail = mail;
        this.maxIdleNanos = maxIdle.toNanos();
        this.maxMessages = maxMessages;
    }

    /** An open connection: a kept one that still answers, or a new one. */
    Connection borrow() throws MessagingException {
        Connection kept;
        String endpoint = endpoint();
        while ((kept = takeIdle()) != null) {
            // Monotonic time, not the business clock: tests move that one by hours.
            if (kept.endpoint.equals(endpoint) && System.nanoTime() - kept.lastUsedNanos <= maxIdleNanos
                    && kept.transport.isConnected()) {
                return kept;
            }
            kept.close();
        }
        Transport transport = mail.getSession().getTransport(protocol());
        // As Spring's sender connects: an empty user name (spring.mail.username set to "") means no authentication.
        String username = mail.getUsername();
        String password = mail.getPassword();
        if ("".equals(username)) {
            username = null;
            password = "".equals(password) ? null : password;
        }
        transport.connect(mail.getHost(), mail.getPort(), username, password);
        return new Connection(transport, endpoint);
    }

    /** Gives a connection back after a send: kept for the next one if the send went through, closed otherwise. */
    void release(Connection connection, boolean sent) {
        connection.messages++;
        connection.lastUsedNanos = System.nanoTime();
        if (sent && connection.messages < maxMessages) {
            synchronized (this) {
                if (!closed) {
                    idle.push(connection);
                    return;
                }
            }
        }
        connection.close();
    }

    /** As Spring's sender chooses it: its own setting, else the session's, else plain SMTP. */
    private String protocol() {
        String protocol = mail.getProtocol();
        if (protocol == null) {
            protocol = mail.getSession().getProperty("mail.transport.protocol");
        }
        return protocol == null ? "smtp" : protocol;
    }

    private String endpoint() {
        return protocol() + "://" + mail.getUsername() + "@" + mail.getHost() + ":" + mail.getPort()
                + "#" + Objects.hashCode(mail.getPassword());
    }

    private synchronized Connection takeIdle() {
        return idle.poll();
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(Connection::close);
    }

    /** One SMTP connection and how much it has been used. */
    static final class Connection {
        final Transport transport;
        private final String endpoint;
        private int messages;
        private long lastUsedNanos;

        private Connection(Transport transport, String endpoint) {
            this.transport = transport;
            this.endpoint = endpoint;
        }

        private void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // QUIT on a connection that is already gone: nothing left to release.
            }
        }
    }
}
