package io.vigie.notification.replies;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where clients' email replies go and where they are read from.
 *
 * @param address the replies mailbox, e.g. {@code replies@soc.example}: every notice email then carries
 *                {@code Reply-To: replies+<key>@soc.example} (its server must deliver plus-addresses to the mailbox);
 *                none: no Reply-To, replies go to the notices' From
 * @param imap    the mailbox to read; none: replies are not read
 */
@ConfigurationProperties("vigie.notification.replies")
public record RepliesProperties(String address, Imap imap) {

    public boolean sendsReplyTo() {
        return address != null && !address.isBlank();
    }

    public boolean reads() {
        return imap != null && imap.host() != null && !imap.host().isBlank();
    }

    /**
     * @param ssl          IMAPS (implicit TLS, usually port 993); otherwise plain IMAP upgraded with STARTTLS when the
     *                     server offers it
     * @param pollInterval how often unseen messages are looked for
     */
    public record Imap(String host, @DefaultValue("993") int port, String username, String password,
                       @DefaultValue("INBOX") String folder, @DefaultValue("true") boolean ssl,
                       @DefaultValue("30s") Duration pollInterval) {

        @Override
        public String toString() {
            // Never the password, should the settings be logged.
            return "Imap[" + username + "@" + host + ":" + port + "/" + folder + ", ssl=" + ssl + "]";
        }
    }
}
