package io.vigie.regulatory;

import io.vigie.platform.web.problem.InvalidField;
import io.vigie.platform.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A request the service refuses with the reasons, field by field: 400 (bad input), 409 (the state forbids it) or
 * 422 (an incomplete report), answered as problem+json by platform/web-security.
 */
public class RefusedException extends ProblemException {

    public enum Kind {
        INVALID(HttpStatus.BAD_REQUEST, "Invalid request"),
        CONFLICT(HttpStatus.CONFLICT, "Conflict"),
        INCOMPLETE(HttpStatus.UNPROCESSABLE_CONTENT, "Report incomplete");

        private final HttpStatus status;
        private final String title;

        Kind(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Kind kind;
    private final List<InvalidField> errors;

    public RefusedException(Kind kind, String message, List<InvalidField> errors) {
        super(kind.status, kind.title, message, errors);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static RefusedException conflict(String message) {
        return new RefusedException(Kind.CONFLICT, message, List.of());
    }

    public static RefusedException invalid(String field, String reason) {
        return new RefusedException(Kind.INVALID, field + ": " + reason, List.of(new InvalidField(field, reason)));
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public List<InvalidField> errors() {
        return errors;
    }
}
