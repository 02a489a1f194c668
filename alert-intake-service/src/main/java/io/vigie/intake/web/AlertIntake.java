package io.vigie.intake.web;

import io.vigie.intake.IntakeRejection;
import io.vigie.intake.IntakeRejection.Reason;
import io.vigie.intake.alert.Alert;
import io.vigie.intake.normalise.Normalisers;
import io.vigie.intake.publish.AlertPublisher;
import io.vigie.intake.publish.Evidence;
import io.vigie.intake.publish.Receipt;
import io.vigie.intake.source.IntakeProperties;
import io.vigie.intake.source.Source;
import io.vigie.intake.source.SourceAuthenticator;
import io.vigie.intake.source.SourceAuthenticator.Credentials;
import io.vigie.intake.source.SourceType;
import io.vigie.intake.source.Sources;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request, from arrival to answer, the same for every tool: the source (404), the content type (415), the size
 * (413), the source's credentials (401), its rate (429), the payload (400), then archive, de-duplicate and publish
 * (202, 200 for repeats, 503). Authentication comes before the rate check so that nobody without credentials can
 * use up a source's allowance; the size check comes before it because the signature covers the body.
 */
@Component
class AlertIntake {

    static final String SOURCE_HEADER = "X-Vigie-Source";

    private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

    // Kept as evidence; never Authorization (a credential) nor cookies.
    private static final List<String> EVIDENCE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.USER_AGENT, "X-Forwarded-For", "X-Real-IP", "X-Request-Id", SOURCE_HEADER,
            SourceAuthenticator.TIMESTAMP_HEADER, SourceAuthenticator.SIGNATURE_HEADER);

    private final Sources sources;
    private final SourceAuthenticator authenticator;
    private final Normalisers normalisers;
    private final AlertPublisher publisher;
    private final IntakeMetrics metrics;
    private final Clock clock;
    private final Duration retryAfter;

    AlertIntake(Sources sources, SourceAuthenticator authenticator, Normalisers normalisers, AlertPublisher publisher,
                IntakeMetrics metrics, Clock clock, IntakeProperties properties) {
        this.sources = sources;
        this.authenticator = authenticator;
        this.normalisers = normalisers;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.retryAfter = properties.retryAfter();
    }

    ResponseEntity<IntakeResponse> receive(SourceType endpoint, String sourceName, String urlToken,
                                           HttpServletRequest request) {
        long started = System.nanoTime();
        Instant receivedAt = clock.instant();
        String type = endpoint.name().toLowerCase(Locale.ROOT);
        String sourceTag = IntakeMetrics.UNKNOWN_SOURCE;
        String outcome = "accepted";
        try {
            Optional<Source> found = sourceName == null ? Optional.empty() : sources.find(endpoint, sourceName);
            sourceTag = found.map(Source::name).orElse(IntakeMetrics.UNKNOWN_SOURCE);
            metrics.received(sourceTag, type);
            if (sourceName == null) {
                throw IntakeRejection.of(Reason.UNAUTHORIZED, "Name the sending source in the " + SOURCE_HEADER
                        + " header.");
            }
            Source source = found.orElseThrow(() -> Sources.unknown(endpoint));
            requireJson(request);
            byte[] body = readBody(request, source.maxBodySize());
            authenticator.authenticate(source, new Credentials(urlToken, request.getHeader(HttpHeaders.AUTHORIZATION),
                    request.getHeader(SourceAuthenticator.TIMESTAMP_HEADER),
                    request.getHeader(SourceAuthenticator.SIGNATURE_HEADER)), body);
            if (!sources.tryAcquire(source)) {
                throw IntakeRejection.retryLater(Reason.RATE_LIMITED, "Source " + source.name()
                        + " is over its configured rate; slow down.", Duration.ofSeconds(1), null);
            }
            List<Alert> alerts = normalisers.normalise(source, body, receivedAt);
            Evidence evidence = new Evidence(source.type(), source.name(), receivedAt, request.getRemoteAddr(),
                    evidenceHeaders(request), body);
            List<Receipt> receipts = publish(evidence, alerts);
            IntakeResponse response = IntakeResponse.of(receipts);
            metrics.accepted(sourceTag, response.published(), response.duplicates());
            outcome = response.anyPublished() ? "accepted" : "duplicate";
            return ResponseEntity.status(response.anyPublished() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(response);
        } catch (IntakeRejection rejection) {
            outcome = rejection.reason().tag();
            metrics.rejected(sourceTag, outcome);
            if (rejection.reason().status() == 503) {
                log.warn("Answered 503 to {} source {}: {}", type, sourceTag, rejection.getCause() == null ? ""
                        : rejection.getCause().toString());
            } else {
                log.debug("Rejected a {} request for source {}: {}", type, sourceTag, outcome);
            }
            throw rejection;
        } finally {
            metrics.request(sourceTag, type, outcome, System.nanoTime() - started);
        }
    }

    /** A database that cannot take the evidence is, for the sender, the same as a broker that cannot take the event. */
    private List<Receipt> publish(Evidence evidence, List<Alert> alerts) {
        try {
            return publisher.publish(evidence, alerts);
        } catch (DataAccessException | TransactionException e) {
            throw IntakeRejection.retryLater(Reason.STORAGE_UNAVAILABLE, "The alert archive is not available; "
                    + "nothing was kept or published. Retry after " + retryAfter.toSeconds() + " s.", retryAfter, e);
        }
    }

    private static void requireJson(HttpServletRequest request) {
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        boolean json = type != null && (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                || "application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
        boolean utf8 = type == null || type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset());
        if (!json || !utf8) {
            throw IntakeRejection.of(Reason.UNSUPPORTED_MEDIA_TYPE,
                    "Send the alert as Content-Type: application/json (UTF-8).");
        }
    }

    private static byte[] readBody(HttpServletRequest request, long maxBodySize) {
        if (request.getContentLengthLong() > maxBodySize) {
            throw tooLarge(maxBodySize);
        }
        // Read at most one byte past the limit: a chunked body without a length is cut off there, not buffered.
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
            if (body.length > maxBodySize) {
                throw tooLarge(maxBodySize);
            }
            return body;
        } catch (IOException e) {
            throw IntakeRejection.invalid("The request body could not be read: " + e.getMessage(), List.of());
        }
    }

    private static IntakeRejection tooLarge(long maxBodySize) {
        return IntakeRejection.of(Reason.TOO_LARGE, "The body is over this source's limit of " + maxBodySize
                + " bytes.");
    }

    private static Map<String, String> evidenceHeaders(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : EVIDENCE_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value.length() > 500 ? value.substring(0, 500) : value);
            }
        }
        return headers;
    }
}
