package io.vigie.notification.replies;

import io.vigie.notification.replies.internal.ReplyInbox;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the replies mailbox over IMAP for unseen mails, on a thread of its own (a slow mail server never delays the
 * service's other schedules). Each mail is fetched without marking it seen (IMAP's PEEK), handed to the
 * {@link ReplyInbox}, and marked {@code \Seen} only once that transaction committed: a crash in between reads it
 * again, which the inbox turns into nothing. Two instances may poll the same mailbox: the inbox's unique Message-ID
 * lets one of them handle each mail. Neither bodies nor the password are ever logged.
 */
@Component
class ImapReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImapReader.class);
    /** Mails handled per poll; the rest wait for the next one, so a flood cannot hold the reader. */
    private static final int BATCH = 100;
    private static final String TIMEOUT = "10000";

    private final RepliesProperties properties;
    private final ReplyInbox inbox;
    private volatile ScheduledExecutorService poller;

    ImapReader(RepliesProperties properties, ReplyInbox inbox) {
        this.properties = properties;
        this.inbox = inbox;
    }

    @Override
    public void start() {
        if (!properties.reads()) {
            return;
        }
        if (!properties.sendsReplyTo()) {
            log.warn("vigie.notification.replies.imap is set but vigie.notification.replies.address is not: notices "
                    + "carry no reply key, so every reply read will be quarantined");
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "replies-imap");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.imap().pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, interval, TimeUnit.MILLISECONDS);
        log.info("Reading replies from {} every {}", properties.imap(), properties.imap().pollInterval());
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = poller;
        poller = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (MessagingException | RuntimeException e) {
            // The server, the network or the database: the unseen mails stay unseen and are read on the next poll.
            log.warn("Reading the replies mailbox failed, trying again in {}: {}", properties.imap().pollInterval(),
                    describe(e));
        }
    }

    /** One poll: every unseen mail (up to a batch) read, handled and marked seen; returns how many were handled. */
    int poll() throws MessagingException {
        RepliesProperties.Imap imap = properties.imap();
        Session session = Session.getInstance(sessionProperties(imap));
        try (Store store = session.getStore(imap.ssl() ? "imaps" : "imap")) {
            store.connect(imap.host(), imap.port(), imap.username(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int handled = 0;
                for (Message message : unseen) {
                    if (handled == BATCH || poller == null) {
                        break;
                    }
                    ReplyInbox.Read read;
                    try {
                        read = inbox.read(raw(message)); // committed when it returns
                    } catch (MessagingException | RuntimeException e) {
                        // Left unseen for the next poll; the mails after it are not held up by it.
                        log.warn("A mail from the replies mailbox could not be handled, trying again at the next "
                                + "poll: {}", describe(e));
                        continue;
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                    handled++;
                    if (read.mailId() != null) {
                        log.info("Mail {} from the replies mailbox: {}", read.mailId(), read.outcome());
                    }
                }
                return handled;
            } finally {
                folder.close(false);
            }
        }
    }

    /**
     * The mail server's errors as they are; of anything else only the kind: a database error can quote the row it
     * refused, and with it the mail's text.
     */
    private static String describe(Exception e) {
        return e instanceof MessagingException ? e.toString() : e.getClass().getName();
    }

    private static byte[] raw(Message message) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("Cannot read a mail from the replies mailbox", e);
        }
        return out.toByteArray();
    }

    private static Properties sessionProperties(RepliesProperties.Imap imap) {
        Properties session = new Properties();
        for (String protocol : new String[]{"imap", "imaps"}) {
            String prefix = "mail." + protocol + ".";
            session.put(prefix + "connectiontimeout", TIMEOUT);
            session.put(prefix + "timeout", TIMEOUT);
            session.put(prefix + "writetimeout", TIMEOUT);
            // Fetching a body would otherwise mark the mail seen before it is handled.
            session.put(prefix + "peek", "true");
        }
        session.put("mail.imaps.ssl.checkserveridentity", "true");
        // Plain IMAP goes over TLS whenever the server offers it.
        session.put("mail.imap.starttls.enable", "true");
        return session;
    }
}
