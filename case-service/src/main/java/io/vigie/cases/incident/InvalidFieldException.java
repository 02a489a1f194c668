package io.vigie.cases.incident;

import java.util.List;

/** A command's field that cannot be taken as it is: the API answers 400 naming the field (and what it allows). */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final String reason;
    private final List<String> allowed;

    public InvalidFieldException(String field, String reason, List<String> allowed) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
        this.allowed = List.copyOf(allowed);
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** The values the field may take, when they are few; empty otherwise. */
    public List<String> allowed() {
        return allowed;
    }
}
