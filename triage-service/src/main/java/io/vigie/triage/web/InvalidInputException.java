package io.vigie.triage.web;

import java.util.List;

/** A submitted document (policy, import, entry) was refused as a whole: nothing of it was applied. */
public class InvalidInputException extends RuntimeException {

    private final List<InputError> errors;

    public InvalidInputException(String message, List<InputError> errors) {
        super(message + ": " + errors.stream()
                .map(error -> (error.line() > 0 ? "line " + error.line() + ": " : "") + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String message, InputError error) {
        this(message, List.of(error));
    }

    public List<InputError> errors() {
        return errors;
    }
}
