package io.vigie.regulatory;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * RFC 9457 problem+json for every refusal of the API, in the platform's shape: {@code errors: [{field, reason,
 * allowed?}]}, one entry per thing the caller must fix.
 */
@RestControllerAdvice(basePackages = "io.vigie.regulatory")
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail refused(RefusedException e) {
        ProblemDetail problem = switch (e.kind()) {
            case INVALID -> problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
            case CONFLICT -> problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
            case INCOMPLETE -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "Report incomplete", e.getMessage());
        };
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problem;
    }

    /** A path variable such as the report or the regime that names no known value: say which ones are. */
    @ExceptionHandler
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        List<String> allowed = type != null && type.isEnum()
                ? Arrays.stream(type.getEnumConstants()).map(Object::toString).toList() : null;
        RefusedException.FieldError error = new RefusedException.FieldError(e.getName(),
                allowed == null ? "is not a valid value" : "must be one of " + allowed, allowed);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getName() + ": " + error.message());
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<RefusedException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ApiProblems::describe)
                .sorted(Comparator.comparing(RefusedException.FieldError::field)).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Fix these fields: "
                + String.join("; ", errors.stream().map(error -> error.field() + ": " + error.message()).toList()));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return handleExceptionInternal(e, mismatch(mismatch), headers, HttpStatus.BAD_REQUEST, request);
        }
        return super.handleTypeMismatch(e, headers, status, request);
    }

    private static RefusedException.FieldError describe(FieldError error) {
        if (error.contains(ConstraintViolation.class)) {
            ConstraintDescriptor<?> constraint = error.unwrap(ConstraintViolation.class).getConstraintDescriptor();
            if (constraint.getAnnotation() instanceof OneOf oneOf) {
                List<String> allowed = List.of(oneOf.value());
                return new RefusedException.FieldError(error.getField(), "must be one of " + allowed, allowed);
            }
        }
        return new RefusedException.FieldError(error.getField(), error.getDefaultMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
