package io.vigie.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers of every HTML page a Vigie service serves (the dashboard, the post-mortem pages, the pages a client's
 * signed link opens), set in one place so that no page is left weaker than another.
 */
public final class VigiePages {

    /**
     * Scripts only from the service's own files, never inline or from elsewhere, so text that slipped past escaping
     * still cannot run; inline styles stay allowed (the pages use style attributes, which run nothing). No plugin, no
     * framing (clickjacking), forms post only to the service itself, and a {@code <base>} tag cannot move relative
     * links elsewhere.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private VigiePages() {
    }

    /** Applies the page headers to a page chain: the policy above, and no full URL (signed links) in a Referer. */
    public static HttpSecurity withPageHeaders(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    }
}
