package io.vigie.postmortem.web;

import io.vigie.platform.security.Roles;
import io.vigie.platform.security.VigiePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The pages are for people in a browser: form login against the same users as the API, a session, and CSRF tokens
 * on every form (the session cookie would otherwise let another site post in the user's name). The API keeps the
 * platform's stateless chain.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain postmortemPageSecurity(HttpSecurity http) throws Exception {
        return VigiePages.withPageHeaders(http).securityMatcher("/postmortems", "/postmortems/**", "/learning", "/login", "/logout",
                        // The login page's own style sheet: under the API's chain it got a Basic challenge, and a
                        // browser stopped at a credentials prompt before showing the form.
                        "/default-ui.css")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/default-ui.css").permitAll()
                        .anyRequest().hasAnyRole(Roles.VIEWER, Roles.ANALYST, Roles.COMMUNICATIONS, Roles.MANAGER))
                .formLogin(form -> form.defaultSuccessUrl("/postmortems", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }
}
