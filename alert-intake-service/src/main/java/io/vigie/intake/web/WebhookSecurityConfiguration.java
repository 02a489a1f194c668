package io.vigie.intake.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Webhooks authenticate with their source's own credentials (URL token, bearer token, HMAC signature), never with a
 * Vigie user, and the HMAC needs the raw body: so Spring Security lets these paths through and {@link AlertIntake}
 * authenticates them. Everything else stays behind the platform's Vigie-user chain.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain webhookSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/webhooks/**", "/api/v1/alerts/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // Machines posting JSON: no session, so no cookie to forge requests with, and nothing for CSRF to guard.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }
}
