package io.vigie.triage.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One thing wrong with a submitted document: where (line, 1-based; 0 when it has no line), what is wrong
 * ({@code message}, the key every service's problem+json uses: platform/web-security's README), and when the value had
 * to be one of a fixed set, which values are allowed (left out of the answer otherwise).
 */
public record InputError(int line, String field, String message,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> allowed) {

    public InputError {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public InputError(int line, String field, String message) {
        this(line, field, message, List.of());
    }
}
