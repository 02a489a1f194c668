package io.vigie.intake.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own refusals (405, 406, 415, …) and anything unexpected, as problem+json whose {@code instance} never
 * carries a Splunk webhook's token: left to Spring, a 405 on a Splunk URL echoed the token, and a 500 went to the
 * error page, which echoed it as {@code path}. After {@link IntakeProblems}, which answers the intake's own refusals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class IntakeMvcProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IntakeMvcProblems.class);

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(IntakeProblems.masked(servlet.getRequest().getRequestURI())));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /**
     * A failure nobody foresaw: logged with the masked path, answered without its message (it may quote the input).
     * Spring Security's refusals go on to its own filter, which answers 401 or 403.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) throws Exception {
        if (failure instanceof AccessDeniedException || failure instanceof AuthenticationException) {
            throw failure;
        }
        String path = IntakeProblems.masked(request.getRequestURI());
        log.error("Unexpected failure on {} {}", request.getMethod(), path, failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be handled and nothing was kept; sending it again is safe.");
        problem.setTitle("Internal error");
        problem.setInstance(URI.create(path));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
