package io.vigie.intake;

import io.vigie.platform.web.problem.InvalidField;

import java.time.Duration;
import java.util.List;

/**
 * Why a request was not taken in, answered as problem+json with the reason's status. Thrown before anything is
 * published or kept, or with the transaction that kept it rolled back.
 */
public final class IntakeRejection extends RuntimeException {

    /** Each reason is also the {@code reason} tag of {@code vigie.intake.rejected}. */
    public enum Reason {
        UNKNOWN_SOURCE(404, "Unknown source"),
        UNAUTHORIZED(401, "Bad or missing credentials"),
        TOO_LARGE(413, "Payload too large"),
        UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
        RATE_LIMITED(429, "Too many requests"),
        INVALID(400, "Invalid alert"),
        BROKER_UNAVAILABLE(503, "Alert not accepted, try again"),
        STORAGE_UNAVAILABLE(503, "Alert not accepted, try again");

        private final int status;
        private final String title;

        Reason(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;
    private final List<InvalidField> errors;
    private final Duration retryAfter;

    private IntakeRejection(Reason reason, String detail, List<InvalidField> errors, Duration retryAfter,
                            Throwable cause) {
        super(detail, cause, false, false);
        this.reason = reason;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static IntakeRejection of(Reason reason, String detail) {
        return new IntakeRejection(reason, detail, List.of(), null, null);
    }

    public static IntakeRejection invalid(String detail, List<InvalidField> errors) {
        return new IntakeRejection(Reason.INVALID, detail, errors, null, null);
    }

    public static IntakeRejection retryLater(Reason reason, String detail, Duration retryAfter, Throwable cause) {
        return new IntakeRejection(reason, detail, List.of(), retryAfter, cause);
    }

    public Reason reason() {
        return reason;
    }

    public List<InvalidField> errors() {
        return errors;
    }

    /** Null unless the sender should retry after a while (429, 503). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
