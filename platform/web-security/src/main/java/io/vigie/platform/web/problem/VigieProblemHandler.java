package io.vigie.platform.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every refusal every Vigie service has in common, as problem+json (platform/web-security's README): a thrown
 * {@link ProblemException}, bean validation, a body that cannot be read (an unknown code names the codes there are), a
 * parameter of the wrong type or missing, Spring MVC's own refusals (404, 405, 406, 415, {@code ResponseStatusException})
 * and, last, a failure nobody foresaw: 500, logged, and answered without its message, its class or a stack trace.
 * <p>
 * Last among the advices: a service's own advice (a refusal with headers or a shape of its own) answers first.
 * Spring Security's refusals thrown by a controller ({@code @PreAuthorize}) go on to its filter, which answers 401/403.
 */
@RestControllerAdvice
public class VigieProblemHandler extends ResponseEntityExceptionHandler implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(VigieProblemHandler.class);

    private final ProblemInstance instances;

    public VigieProblemHandler(ProblemInstance instances) {
        this.instances = instances;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ProblemException refusal, HttpServletRequest request) {
        return answer(Problems.of(refusal), request);
    }

    /**
     * Unforeseen: logged with the path as {@code instance} shows it, answered without the exception's message (it may
     * quote the input or SQL). An exception annotated with {@code @ResponseStatus} keeps its status.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) throws Exception {
        if (failure instanceof AccessDeniedException || failure instanceof AuthenticationException) {
            throw failure;
        }
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(failure.getClass(), ResponseStatus.class);
        if (declared != null) {
            HttpStatus status = declared.code();
            return answer(Problems.of(status, status.getReasonPhrase(),
                    declared.reason().isEmpty() ? status.getReasonPhrase() + "." : declared.reason()), request);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), instances.of(request.getRequestURI()), failure);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be handled and nothing was kept; sending it again is safe."), request);
    }

    /** Every field at fault, sorted by field: "Fix these fields: a: …; b: …". */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error ->
                errors.add(new InvalidField(error.getField(), String.valueOf(error.getDefaultMessage()))));
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new InvalidField(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
        return invalidFields(e, errors, headers, request);
    }

    /** A constraint on a parameter ({@code @Min} on a query parameter): named as the request names it. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? name + "." + fieldError.getField() : name;
                errors.add(new InvalidField(field, String.valueOf(error.getDefaultMessage())));
            }
        });
        return invalidFields(e, errors, headers, request);
    }

    private ResponseEntity<Object> invalidFields(Exception e, List<InvalidField> errors, HttpHeaders headers,
                                                 WebRequest request) {
        errors.sort(Comparator.comparing(InvalidField::field));
        return handleExceptionInternal(e, Problems.invalidFields(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A body Jackson could not read. A value of the wrong type, or an unknown code, names where it is and, for a code,
     * the codes there are; nothing of the parser's own words (they name Java types).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request",
                "The body is not valid JSON for this request, or a value has the wrong type.");
        if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = Problems.jsonPath(json.getPath());
            InvalidField error = new InvalidField(field, "not a valid value");
            if (json instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                error = InvalidField.oneOf(field, Problems.constants(format.getTargetType()));
                problem.setDetail(field + ": " + error.message());
            }
            problem.setProperty("errors", List.of(error));
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A path or query parameter of the wrong type: for an enum or a flag, the values it takes, as a select would. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(e.getPropertyName());
        Class<?> type = e.getRequiredType();
        List<String> allowed = type == null ? List.of()
                : type.isEnum() ? Problems.constants(type)
                : type == Boolean.class || type == boolean.class ? List.of("true", "false") : List.of();
        InvalidField error = allowed.isEmpty() ? new InvalidField(name, "is not a valid value")
                : InvalidField.oneOf(name, allowed);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", name + ": " + error.message(),
                List.of(error));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        InvalidField error = new InvalidField(e.getParameterName(), "is required");
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
                e.getParameterName() + ": " + error.message(), List.of(error));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * The answer to a refusal of Spring MVC's own (a parameter of the wrong type, a body that cannot be read, …); empty
     * for any other exception. For a service's advice with a handler for a broad type such as
     * {@code IllegalArgumentException}: Spring offers an advice the causes of an exception it has no handler for, and
     * such a refusal often has one as its cause (an unknown enum code in a query parameter does).
     */
    public Optional<ResponseEntity<Object>> springRefusal(Exception thrown, WebRequest request) {
        try {
            return Optional.ofNullable(handleException(thrown, request));
        } catch (Exception notSprings) {
            return Optional.empty();
        }
    }

    /** Every body this handler answers, Spring's own included, with {@code instance} as {@link ProblemInstance} says. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && request instanceof ServletWebRequest servlet) {
            problem.setInstance(instance(servlet.getRequest()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(instance(request));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private URI instance(HttpServletRequest request) {
        try {
            return URI.create(instances.of(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
