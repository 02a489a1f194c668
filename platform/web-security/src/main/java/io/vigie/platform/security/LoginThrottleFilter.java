package io.vigie.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that tries to log in (HTTP Basic credentials, or a form login's {@code username}) for a user or
 * from an address that {@link LoginThrottle} has locked: 429 with Retry-After, before any password is checked. Runs
 * ahead of every Spring Security chain of the service, so the API, the dashboard and the post-mortem pages are held
 * to one count.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = attemptedUser(request);
        if (user != null) {
            Optional<Duration> locked = throttle.lockedFor(user, request.getRemoteAddr());
            if (locked.isPresent()) {
                long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(seconds));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many failed logins\","
                        + "\"status\":429,\"detail\":\"Logins for this user or from this address are paused after "
                        + "repeated failures; try again in " + seconds + " s.\"}");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name a request tries to log in as, or null when it carries no password. */
    private static String attemptedUser(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String type = request.getContentType();
        if ("POST".equals(request.getMethod()) && type != null
                && type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return request.getParameter("username");
        }
        return null;
    }
}
