package io.vigie.notification.replies;

import io.vigie.notification.ack.LinkProperties;
import io.vigie.notification.replies.internal.ReplyKeys;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The Reply-To address of a notice email: {@code replies+<key>@domain}, one key per incident, client and contact.
 * The key is 128 bits of an HMAC over the three (with the links' secret), in lowercase base32 because mail systems
 * may fold the case of an address: it cannot be guessed, and 26 characters keep the local part within 64. Each key is
 * stored with what it was made for, so a reply is matched by looking its key up, never by reading anything else in
 * the mail (and a key made with an earlier secret still resolves).
 */
@Component
public class ReplyAddresses {

    static final int KEY_LENGTH = 26;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    /** What a key was made for. */
    public record Target(UUID incidentId, String clientId, String contactId) {
    }

    private final ReplyKeys keys;
    private final Clock clock;
    private final byte[] secret;
    private final String local;
    private final String domain;

    public ReplyAddresses(RepliesProperties properties, LinkProperties links, ReplyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        if (links.secret() == null || links.secret().isBlank()) {
            // Keys only need to be unguessable: they are resolved from the table, so a random secret does no harm.
            this.secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            this.secret = links.secret().getBytes(StandardCharsets.UTF_8);
        }
        if (properties.sendsReplyTo()) {
            String address = properties.address().strip();
            int at = address.lastIndexOf('@');
            if (at < 1 || at == address.length() - 1 || address.substring(0, at).contains("+")
                    || at + 1 + KEY_LENGTH > 64) {
                throw new IllegalStateException("vigie.notification.replies.address must be local@domain, without "
                        + "'+', with a local part of at most " + (63 - KEY_LENGTH) + " characters");
            }
            this.local = address.substring(0, at).toLowerCase();
            this.domain = address.substring(at + 1).toLowerCase();
        } else {
            this.local = null;
            this.domain = null;
        }
    }

    /** The Reply-To for this contact's notices about this incident (the key stored first); none when not configured. */
    public Optional<String> addressFor(UUID incidentId, String clientId, String contactId) {
        if (local == null) {
            return Optional.empty();
        }
        String key = key(incidentId, clientId, contactId);
        keys.store(key, incidentId, clientId, contactId, clock.instant());
        return Optional.of(local + "+" + key + "@" + domain);
    }

    /** What the key was made for; empty for a key never handed out (a guessed or altered one). */
    public Optional<Target> resolve(String key) {
        return keys.find(key.toLowerCase());
    }

    /** The replies mailbox's local part and domain, in lowercase; null when no address is configured. */
    public String local() {
        return local;
    }

    public String domain() {
        return domain;
    }

    String key(UUID incidentId, String clientId, String contactId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("reply-to\n" + incidentId + "\n" + clientId + "\n" + contactId)
                    .getBytes(StandardCharsets.UTF_8));
            return base32(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
