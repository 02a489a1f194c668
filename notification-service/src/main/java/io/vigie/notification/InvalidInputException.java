package io.vigie.notification;

import java.util.List;
import java.util.Map;

/** Input the API refuses, with every offending field and why; answered as problem+json. */
public class InvalidInputException extends RuntimeException {

    private final int status;
    private final List<Map<String, String>> errors;

    public InvalidInputException(int status, String detail, List<Map<String, String>> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** 400: the request itself is malformed or incomplete. */
    public static InvalidInputException badRequest(List<Map<String, String>> errors) {
        return new InvalidInputException(400, "The request has invalid fields", errors);
    }

    /** 422: well-formed, but cannot be used (e.g. a template that does not render). */
    public static InvalidInputException unprocessable(String detail, List<Map<String, String>> errors) {
        return new InvalidInputException(422, detail, errors);
    }

    public static Map<String, String> field(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    public int status() {
        return status;
    }

    public List<Map<String, String>> errors() {
        return errors;
    }
}
