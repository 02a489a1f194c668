package io.vigie.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One entry of a problem's {@code errors}: the field as the request named it, what is wrong with it, the values it
 * accepts when they are a closed list, and the line of an uploaded document (1-based) when there is one.
 */
public record InvalidField(String field, String message,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> allowed,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer line) {

    public InvalidField {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public InvalidField(String field, String message) {
        this(field, message, List.of(), null);
    }

    public InvalidField(String field, String message, List<String> allowed) {
        this(field, message, allowed, null);
    }

    /** "must be one of A, B, C", naming the accepted values in the entry too. */
    public static InvalidField oneOf(String field, List<String> allowed) {
        return new InvalidField(field, Problems.mustBeOneOf(allowed), allowed);
    }
}
