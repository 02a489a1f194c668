package io.vigie.postmortem;

import io.vigie.postmortem.report.PostmortemApprovedException;
import io.vigie.postmortem.report.PostmortemIncompleteException;
import io.vigie.postmortem.report.PostmortemNotFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem+json for every refusal of the API, with what the caller must fix. */
@RestControllerAdvice(basePackages = "io.vigie.postmortem")
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail notFound(PostmortemNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail approved(PostmortemApprovedException e) {
        return problem(HttpStatus.CONFLICT, "Post-mortem approved", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail incomplete(PostmortemIncompleteException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Post-mortem incomplete",
                "Complete these before approving: " + String.join("; ", e.missing()));
        problem.setProperty("missing", e.missing());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage()).sorted().toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Fix these fields: " + String.join("; ", errors));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A body Jackson could not read. A value of the wrong type or an unknown code (a root-cause category, an Ishikawa
     * or stage key) names where it is and, for a code, the codes there are: as case-service answers it.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable request",
                "The body is not valid JSON for this request, or a value has the wrong type.");
        if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
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
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A query parameter of the wrong type: {@code status=FOO} says which statuses there are, as a select would. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(e.getPropertyName());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "'" + name + "' is not a valid value: " + e.getValue());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", name);
        error.put("message", "invalid value");
        if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            List<String> allowed = constants(e.getRequiredType());
            error.put("message", mustBeOneOf(allowed));
            error.put("allowed", allowed);
            problem.setDetail(name + ": " + mustBeOneOf(allowed));
        }
        problem.setProperty("errors", List.of(error));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
    }

    private static String mustBeOneOf(List<String> allowed) {
        return "must be one of " + String.join(", ", allowed);
    }

    /** "rootCauseCategory", "actionItems[1].dueDate", "ishikawa.PEOPEL": a JSON path as the request names fields. */
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

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
