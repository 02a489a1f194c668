package io.vigie.intake.source;

import io.vigie.intake.IntakeRejection;
import io.vigie.intake.IntakeRejection.Reason;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Checks a request against its source's own credentials (never a Vigie user's): a token in the URL (Splunk cannot
 * send headers), a bearer token, or for the generic API an HMAC-SHA256 signature of {@code timestamp + "." + body}.
 * Every comparison is constant-time over digests, so neither the content nor the length of a secret leaks through
 * timing. The detail of a 401 never says which part was wrong beyond what the sender needs to fix its setup.
 */
@Component
public class SourceAuthenticator {

    public static final String TIMESTAMP_HEADER = "X-Vigie-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Vigie-Signature";
    static final String SIGNATURE_PREFIX = "sha256=";

    private final Duration tolerance;
    private final Clock clock;

    SourceAuthenticator(IntakeProperties properties, Clock clock) {
        this.tolerance = properties.signatureTolerance();
        this.clock = clock;
    }

    /** What a request presented; any of it may be null. */
    public record Credentials(String urlToken, String authorization, String timestamp, String signature) {
    }

    public void authenticate(Source source, Credentials credentials, byte[] body) {
        if (credentials.urlToken() != null) {
            requireToken(source, credentials.urlToken());
        } else if (credentials.signature() != null) {
            requireSignature(source, credentials.timestamp(), credentials.signature(), body);
        } else if (credentials.authorization() != null
                && credentials.authorization().regionMatches(true, 0, "Bearer ", 0, 7)) {
            requireToken(source, credentials.authorization().substring(7).trim());
        } else {
            throw unauthorized("Send the source's token (Authorization: Bearer …) or, on the generic API, an "
                    + SIGNATURE_HEADER + " signature with " + TIMESTAMP_HEADER + ".");
        }
    }

    private static void requireToken(Source source, String presented) {
        if (!matchesAny(source.tokens(), presented.getBytes(StandardCharsets.UTF_8))) {
            throw unauthorized("The token is not one of this source's tokens.");
        }
    }

    private void requireSignature(Source source, String timestamp, String signature, byte[] body) {
        if (source.type() != SourceType.GENERIC || source.hmacSecrets().isEmpty()) {
            throw unauthorized("This source does not sign its requests; send its bearer token.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            throw unauthorized(TIMESTAMP_HEADER + " must be the signing time in Unix seconds.");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > tolerance.toSeconds()) {
            throw unauthorized("The signature's timestamp is more than " + tolerance.toMinutes()
                    + " minutes from the server's time: a replay, or a clock to fix.");
        }
        String hex = signature.trim().toLowerCase(Locale.ROOT);
        if (hex.startsWith(SIGNATURE_PREFIX)) {
            hex = hex.substring(SIGNATURE_PREFIX.length());
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw unauthorized(SIGNATURE_HEADER + " must be sha256=<hex HMAC-SHA256>.");
        }
        byte[] prefix = (timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (byte[] secret : source.hmacSecrets()) {
            // MessageDigest.isEqual is constant-time for equal lengths; every secret is tried, so which of the two
            // rotation secrets matched does not show in the timing either.
            matched |= MessageDigest.isEqual(sign(secret, prefix, body), presented);
        }
        if (!matched) {
            throw unauthorized("The signature does not match the body with any of this source's secrets.");
        }
    }

    /** The signature a sender computes: lower-case hex HMAC-SHA256 over {@code timestamp + "." + body}. */
    public static String signature(String secret, long timestampSeconds, byte[] body) {
        byte[] prefix = (timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        return SIGNATURE_PREFIX + HexFormat.of().formatHex(sign(secret.getBytes(StandardCharsets.UTF_8), prefix, body));
    }

    private static byte[] sign(byte[] secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean matchesAny(List<byte[]> accepted, byte[] presented) {
        byte[] presentedDigest = sha256(presented);
        boolean matched = false;
        for (byte[] token : accepted) {
            matched |= MessageDigest.isEqual(sha256(token), presentedDigest);
        }
        return matched;
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static IntakeRejection unauthorized(String detail) {
        return IntakeRejection.of(Reason.UNAUTHORIZED, detail);
    }
}
