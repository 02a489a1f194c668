package io.vigie.notification.ack;

import io.vigie.platform.security.VigiePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The acknowledgement, agreement and question pages are opened by client contacts, who have no Vigie account: the
 * signed link is their credential, checked by {@link AckLinks} on every request. Nothing else is reachable through this
 * chain.
 */
@Configuration(proxyBeanMethods = false)
class AckSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain acknowledgementLinks(HttpSecurity http) throws Exception {
        return VigiePages.withPageHeaders(http).securityMatcher("/ack", "/agreement", "/question")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // The form carries the signed token, which a forger cannot produce: it is the CSRF protection here.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
