package io.vigie.notification;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.List;
import java.util.Map;

/**
 * The SOC's replies mailbox for the integration tests: a real IMAP server (GreenMail) that the service polls. A test
 * puts a client's reply in it as the SOC's mail server would after plus-addressing ({@link #deliver}).
 */
public final class RepliesMailbox {

    public static final String ADDRESS = "replies@soc.example";
    private static final String LOGIN = "replies";
    private static final String PASSWORD = "replies-password";

    private static RepliesMailbox shared;

    private final GreenMail imap;
    private final GreenMailUser user;

    private RepliesMailbox() {
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        imap.start();
        user = imap.setUser(ADDRESS, LOGIN, PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(imap::stop, "replies-mailbox-stop"));
    }

    public static synchronized RepliesMailbox shared() {
        if (shared == null) {
            shared = new RepliesMailbox();
        }
        return shared;
    }

    /** The service's settings: Reply-To on every notice, and this mailbox polled often. */
    Map<String, String> springProperties() {
        return Map.of(
                "vigie.notification.replies.address", ADDRESS,
                "vigie.notification.replies.imap.host", "127.0.0.1",
                "vigie.notification.replies.imap.port", String.valueOf(imap.getImap().getPort()),
                "vigie.notification.replies.imap.username", LOGIN,
                "vigie.notification.replies.imap.password", PASSWORD,
                "vigie.notification.replies.imap.ssl", "false",
                "vigie.notification.replies.imap.poll-interval", "250ms");
    }

    /** Puts the mail in the mailbox's INBOX, unseen. */
    public void deliver(MimeMessage message) {
        user.deliver(message);
    }

    /** The INBOX as the mail server holds it, with each mail's flags. */
    public List<StoredMessage> inbox() {
        try {
            return imap.getManagers().getImapHostManager().getInbox(user).getMessages();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }
}
