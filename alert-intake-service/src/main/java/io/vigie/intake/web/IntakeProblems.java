package io.vigie.intake.web;

import io.vigie.intake.IntakeRejection;
import io.vigie.intake.IntakeRejection.Reason;
import io.vigie.platform.web.problem.ProblemInstance;
import io.vigie.platform.web.problem.Problems;
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

/**
 * The intake's own refusals as problem+json (platform/web-security), with the reason, the offending fields for a 400
 * and Retry-After for 429 and 503. As the {@link ProblemInstance} of the service, it also keeps a Splunk webhook's
 * token out of every other answer's {@code instance}: left to Spring, a 405 on a Splunk URL echoed the token.
 */
@RestControllerAdvice(assignableTypes = WebhookController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeProblems implements ProblemInstance {

    // The last segment of a Splunk webhook path is its token: never echoed back, never logged.
    private static final Pattern SPLUNK_TOKEN = Pattern.compile("^(/webhooks/splunk/[^/]+/).+$");

    @ExceptionHandler(IntakeRejection.class)
    ResponseEntity<ProblemDetail> rejected(IntakeRejection rejection, HttpServletRequest request) {
        Reason reason = rejection.reason();
        ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(reason.status()), reason.title(),
                rejection.getMessage(), rejection.errors());
        problem.setInstance(URI.create(of(request.getRequestURI())));
        problem.setProperty("reason", reason.tag());
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

    @Override
    public String of(String requestPath) {
        return SPLUNK_TOKEN.matcher(requestPath).replaceFirst("$1***");
    }
}
