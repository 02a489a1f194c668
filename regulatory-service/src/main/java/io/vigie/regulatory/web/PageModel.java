package io.vigie.regulatory.web;

import io.vigie.platform.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What every page shows: times in UTC (a deadline read in a browser's zone by one analyst and in the authority's by
 * another is a missed deadline), and which forms the user's roles can use. Hiding a form is only for the eye: the
 * handlers check the role again.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);

    /** Formats instants for the templates ({@code ${utc.of(at)}}). */
    static final class Times {

        public String of(Instant at) {
            return at == null ? "" : UTC.format(at);
        }

        /** For a {@code datetime-local} input, which has no zone: the page says the value is UTC. */
        public String input(Instant at) {
            return at == null ? "" : INPUT.format(at);
        }
    }

    record Caller(String name, boolean manager, boolean writesDrafts) {
    }

    @ModelAttribute("utc")
    Times utc() {
        return new Times();
    }

    @ModelAttribute("caller")
    Caller caller(Authentication authentication) {
        if (authentication == null) {
            return new Caller(null, false, false);
        }
        boolean manager = has(authentication, Roles.MANAGER);
        return new Caller(authentication.getName(), manager, manager || has(authentication, Roles.COMMUNICATIONS));
    }

    private static boolean has(Authentication authentication, String role) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role)::equals);
    }
}
