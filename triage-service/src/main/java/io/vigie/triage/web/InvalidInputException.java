package io.vigie.triage.web;

import io.vigie.platform.web.problem.UnprocessableException;

import java.net.URI;
import java.util.List;

/**
 * A submitted document (policy, import, entry) was refused as a whole: nothing of it was applied. Answered 422
 * problem+json naming each offending line and field (platform/web-security).
 */
public class InvalidInputException extends UnprocessableException {

    private static final URI INVALID_DOCUMENT = URI.create("https://vigie.io/problems/invalid-document");

    private final List<InputError> errors;

    public InvalidInputException(String message, List<InputError> errors) {
        super("Invalid document", message + ": " + errors.stream()
                .map(error -> (error.line() > 0 ? "line " + error.line() + ": " : "") + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid"), errors);
        this.errors = List.copyOf(errors);
        typed(INVALID_DOCUMENT);
    }

    public InvalidInputException(String message, InputError error) {
        this(message, List.of(error));
    }

    @Override
    public List<InputError> errors() {
        return errors;
    }
}
