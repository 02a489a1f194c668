package io.vigie.triage.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Refused input answers RFC 9457 problem+json naming each offending line and field, never a stack trace. First among
 * the advices, so that a query parameter of the wrong type gets this shape rather than Boot's, which names no field.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class TriageProblems {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setType(URI.create("https://vigie.io/problems/invalid-document"));
        problem.setTitle("Invalid document");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    /**
     * A query parameter of the wrong type ({@code unknownClients=maybe}): named, with the values it takes when they are
     * a fixed set, in the same {@code errors} shape as a refused document.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        List<String> allowed = type == null ? List.of()
                : type.isEnum() ? Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList()
                : type == Boolean.class || type == boolean.class ? List.of("true", "false") : List.of();
        String reason = allowed.isEmpty() ? "'" + e.getValue() + "' is not a valid value"
                : "'" + e.getValue() + "' is not one of " + String.join(", ", allowed);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getName() + ": " + reason);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new InputError(0, e.getName(), reason, allowed)));
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }
}
