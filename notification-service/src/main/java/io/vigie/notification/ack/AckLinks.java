package io.vigie.notification.ack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Acknowledgement, agreement and question links:
 * {@code <base>/ack?t=<noticeId>.<contactId>.<expiry>.<HMAC-SHA256>}. The signature covers the purpose, the notice, the contact and the expiry, so a link cannot be altered to answer for
 * someone else's notice, to live longer or to serve another purpose; it is checked before anything is read or recorded.
 */
@Component
public class AckLinks {

    private static final Logger log = LoggerFactory.getLogger(AckLinks.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public enum Status { VALID, INVALID, EXPIRED }

    public static final String ACK = "ack";
    public static final String AGREEMENT = "agreement";
    public static final String SURVEY = "survey";
    public static final String QUESTION = "question";
    /** A client contact's status page: the token's id is the status link's (see the status package), not a notice's. */
    public static final String STATUS = "status";

    public record Verification(Status status, UUID noticeId, String contactId, Instant expiresAt) {
    }

    private final LinkProperties properties;
    private final Clock clock;
    private final byte[] key;

    AckLinks(LinkProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        if (properties.secret() == null || properties.secret().isBlank()) {
            log.warn("vigie.notification.links.secret is not set: acknowledgement links are signed with a random key "
                    + "and stop working when the service restarts. Set it outside local runs.");
            this.key = new byte[32];
            new SecureRandom().nextBytes(key);
        } else if (properties.secret().length() < 32) {
            throw new IllegalStateException("vigie.notification.links.secret must have at least 32 characters");
        } else {
            this.key = properties.secret().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The link the contact clicks to acknowledge the notice; works until now + the configured validity. */
    public String ackUrl(UUID noticeId, String contactId) {
        return properties.baseUrl() + "/ack?t=" + token(ACK, noticeId, contactId, expiry());
    }

    /** The link the contact follows to agree or decline what the notice asks; signed for that purpose only. */
    public String agreementUrl(UUID noticeId, String contactId) {
        return properties.baseUrl() + "/agreement?t=" + token(AGREEMENT, noticeId, contactId, expiry());
    }

    /**
     * A link to {@code <base>/<purpose>} signed for that purpose only and valid {@code validity}: for pages that keep
     * their own lifetime (the satisfaction survey is answered weeks after the notice, not days).
     */
    public String url(String purpose, UUID noticeId, String contactId, Duration validity) {
        return properties.baseUrl() + "/" + purpose + "?t=" + token(purpose, noticeId, contactId,
                clock.instant().plus(validity));
    }

    /** The link the contact follows to ask the SOC a question about the notice; signed for that purpose only. */
    public String questionUrl(UUID noticeId, String contactId) {
        return properties.baseUrl() + "/question?t=" + token(QUESTION, noticeId, contactId, expiry());
    }

    /** The link to a contact's status page; its expiry is the stored link's, which can also be revoked. */
    public String statusUrl(UUID linkId, String contactId, Instant expiresAt) {
        return properties.baseUrl() + "/status?t=" + token(STATUS, linkId, contactId, expiresAt);
    }

    String token(UUID noticeId, String contactId, Instant expiresAt) {
        return token(ACK, noticeId, contactId, expiresAt);
    }

    String token(String purpose, UUID noticeId, String contactId, Instant expiresAt) {
        String payload = noticeId + "." + ENCODER.encodeToString(contactId.getBytes(StandardCharsets.UTF_8)) + "."
                + expiresAt.getEpochSecond();
        return payload + "." + ENCODER.encodeToString(sign(purpose, payload));
    }

    public Verification verify(String token) {
        return verify(ACK, token);
    }

    /** Checks a link for {@code purpose}: an acknowledgement link does not open the agreement page, nor the reverse. */
    public Verification verify(String purpose, String token) {
        if (token == null) {
            return invalid();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4) {
            return invalid();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        try {
            if (!MessageDigest.isEqual(sign(purpose, payload), DECODER.decode(parts[3]))) {
                return invalid();
            }
            UUID noticeId = UUID.fromString(parts[0]);
            String contactId = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            Status status = clock.instant().isAfter(expiresAt) ? Status.EXPIRED : Status.VALID;
            return new Verification(status, noticeId, contactId, expiresAt);
        } catch (IllegalArgumentException e) {
            return invalid();
        }
    }

    private Instant expiry() {
        return clock.instant().plus(properties.validity());
    }

    private static Verification invalid() {
        return new Verification(Status.INVALID, null, null, null);
    }

    private byte[] sign(String purpose, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((purpose + "." + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
