package io.vigie.cases.api;

import io.vigie.cases.incident.CaseNotFoundException;
import io.vigie.cases.incident.ClientNotSuggestedException;
import io.vigie.cases.incident.InvalidFieldException;
import io.vigie.cases.incident.InvalidTransitionException;
import io.vigie.cases.incident.MessageNotFoundException;
import io.vigie.cases.incident.NoticeNotHeldException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case API's errors as RFC 9457 problem+json, with the reason and the offending fields. Ahead of Boot's own
 * problem-details handler, which answers validation errors without naming the fields.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = CaseApi.class)
class ApiProblems {

    @ExceptionHandler
    ProblemDetail notFound(CaseNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown incident");
        problem.setProperty("incidentId", e.incidentId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notSuggested(ClientNotSuggestedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not a suggested client");
        problem.setProperty("incidentId", e.incidentId());
        problem.setProperty("clientId", e.clientId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notHeld(NoticeNotHeldException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not a held notice");
        problem.setProperty("incidentId", e.incidentId());
        problem.setProperty("noticeId", e.noticeId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail noMessage(MessageNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown client message");
        problem.setProperty("incidentId", e.incidentId());
        problem.setProperty("messageId", e.messageId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail conflict(InvalidTransitionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Cannot " + e.command().name().toLowerCase().replace('_', ' ') + ": " + e.getMessage());
        problem.setTitle("Not allowed in the incident's current state");
        problem.setType(URI.create("https://vigie.io/problems/invalid-transition"));
        problem.setProperty("incidentId", e.incidentId());
        problem.setProperty("status", e.status().name());
        problem.setProperty("command", e.command().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields.");
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidFieldException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", e.field());
        error.put("message", e.reason());
        if (!e.allowed().isEmpty()) {
            error.put("allowed", e.allowed());
        }
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not valid JSON for this command, or a value has the wrong type.");
        problem.setTitle("Unreadable request");
        if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            // A value of the wrong type or an unknown code: name where it is, and the codes there are.
            String field = path(json.getPath());
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", field);
            error.put("message", "not a valid value");
            if (json instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                List<String> allowed = constants(format.getTargetType());
                error.put("message", mustBeOneOf(allowed));
                error.put("allowed", allowed);
                problem.setDetail(field + ": " + mustBeOneOf(allowed));
            }
            problem.setProperty("errors", List.of(error));
        }
        return problem;
    }

    private static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
    }

    private static String mustBeOneOf(List<String> allowed) {
        return "must be one of " + String.join(", ", allowed);
    }

    /** "measures[1]", "clientMessages.fr": a JSON path as the request's fields are named. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ExceptionHandler
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + e.getName() + "' is not a valid value: " + e.getValue());
        problem.setTitle("Invalid request");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", e.getName());
        error.put("message", "invalid value");
        if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            // status=FOO: say which values there are, as a form's select would.
            List<String> allowed = constants(e.getRequiredType());
            error.put("message", mustBeOneOf(allowed));
            error.put("allowed", allowed);
            problem.setDetail(e.getName() + ": " + mustBeOneOf(allowed));
        }
        problem.setProperty("errors", List.of(error));
        return problem;
    }
}
