package io.vigie.intake.web;

import io.vigie.intake.IntakeRejection;
import io.vigie.intake.IntakeRejection.Reason;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.regex.Pattern;

/** Every refusal as RFC 9457 problem+json, with the offending fields for a 400 and Retry-After for 429 and 503. */
@RestControllerAdvice(assignableTypes = WebhookController.class)
// Before IntakeMvcProblems, whose catch-all would otherwise answer these too.
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeProblems {

    // The last segment of a Splunk webhook path is its token: never echoed back, never logged.
    private static final Pattern SPLUNK_TOKEN = Pattern.compile("^(/webhooks/splunk/[^/]+/).+$");

    @ExceptionHandler(IntakeRejection.class)
    ResponseEntity<ProblemDetail> rejected(IntakeRejection rejection, HttpServletRequest request) {
        Reason reason = rejection.reason();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(reason.status()),
                rejection.getMessage());
        problem.setTitle(reason.title());
        problem.setInstance(URI.create(masked(request.getRequestURI())));
        problem.setProperty("reason", reason.tag());
        if (!rejection.errors().isEmpty()) {
            problem.setProperty("errors", rejection.errors());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(reason.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (rejection.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, rejection.retryAfter().toSeconds())));
        }
        if (reason == Reason.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigie-intake\"");
        }
        return response.body(problem);
    }

    static String masked(String path) {
        return SPLUNK_TOKEN.matcher(path).replaceFirst("$1***");
    }
}
