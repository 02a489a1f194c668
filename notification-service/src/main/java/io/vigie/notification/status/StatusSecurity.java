package io.vigie.notification.status;

import io.vigie.platform.security.VigiePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The status pages are opened by client contacts, who have no Vigie account: the signed link is their credential,
 * checked by {@link StatusLinks} on every request, so the chain keeps no session. The pages get the headers of every
 * Vigie page: no inline script (the page's live refresh is a file under {@code /status/}), no framing, no signed link in
 * a Referer to another site. The pages only read; Spring Security's CSRF check stays on for anything that would not.
 */
@Configuration(proxyBeanMethods = false)
class StatusSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain statusPages(HttpSecurity http) throws Exception {
        return VigiePages.withPageHeaders(http).securityMatcher("/status", "/status/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
