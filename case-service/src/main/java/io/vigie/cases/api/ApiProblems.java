package io.vigie.cases.api;

import io.vigie.cases.incident.InvalidFieldException;
import io.vigie.cases.incident.InvalidTransitionException;
import io.vigie.platform.web.problem.InvalidField;
import io.vigie.platform.web.problem.Problems;
import io.vigie.platform.web.problem.VigieProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import java.net.URI;
import java.util.List;

/**
 * The case API's own refusals, in platform/web-security's problem+json shape; the rest (not found, validation,
 * unreadable bodies, parameters of the wrong type) are the platform's. The case's exceptions stay plain Java ones,
 * because the dashboard catches them too and shows their message on the case's page.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = CaseApi.class)
class ApiProblems {

    private static final URI INVALID_TRANSITION = URI.create("https://vigie.io/problems/invalid-transition");

    private final VigieProblemHandler platform;

    ApiProblems(VigieProblemHandler platform) {
        this.platform = platform;
    }

    @ExceptionHandler
    ProblemDetail conflict(InvalidTransitionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Not allowed in the incident's current state",
                "Cannot " + e.command().name().toLowerCase().replace('_', ' ') + ": " + e.getMessage());
        problem.setType(INVALID_TRANSITION);
        problem.setProperty("incidentId", e.incidentId());
        problem.setProperty("status", e.status().name());
        problem.setProperty("command", e.command().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidFieldException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(),
                List.of(new InvalidField(e.field(), e.reason(), e.allowed())));
    }

    /**
     * The case's own checks ("severity is required"). Spring hands this handler the cause of its own refusals too
     * ({@code status=FOO} fails on an IllegalArgumentException): those the platform answers, naming the field.
     */
    // Named: with two exception parameters, an unnamed handler would also answer every Exception.
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<?> invalid(IllegalArgumentException e, Exception thrown, WebRequest request) {
        return platform.springRefusal(thrown, request).<ResponseEntity<?>>map(answer -> answer)
                .orElseGet(() -> ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage())));
    }
}
