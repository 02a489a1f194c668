package io.vigie.postmortem;

import io.vigie.platform.web.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * The one refusal this API answers in a shape of its own; every other is platform/web-security's. Its validation
 * errors stay {@code "field: message"} strings (ApprovalIT holds them so) rather than the common {@code {field,
 * message}} entries: moving them is a change of the API, for a release of its own.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "io.vigie.postmortem")
class ApiProblems {

    @ExceptionHandler
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage()).sorted().toList();
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "Fix these fields: " + String.join("; ", errors),
                errors);
    }
}
