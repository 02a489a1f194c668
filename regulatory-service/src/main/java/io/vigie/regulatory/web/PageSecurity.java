package io.vigie.regulatory.web;

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
 * platform's stateless chain. Who may post what is decided on the handlers ({@code @PreAuthorize}), as on the API,
 * not by which buttons a page shows.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain regulatoryPageSecurity(HttpSecurity http) throws Exception {
        // The login form's stylesheet too: left to the API's chain it got a Basic challenge, and Chromium stopped
        // loading the login page at the credentials prompt.
        return VigiePages.withPageHeaders(http)
                .securityMatcher("/regulatory", "/regulatory/**", "/login", "/logout", "/default-ui.css")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/default-ui.css").permitAll()
                        .anyRequest().hasAnyRole(Roles.VIEWER, Roles.ANALYST, Roles.COMMUNICATIONS, Roles.MANAGER))
                .formLogin(form -> form.defaultSuccessUrl("/regulatory", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }
}
