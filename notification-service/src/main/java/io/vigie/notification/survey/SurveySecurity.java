package io.vigie.notification.survey;

import io.vigie.platform.security.VigiePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The survey page is opened by client contacts, who have no Vigie account: as for the acknowledgement page, the signed
 * link is their credential, checked by {@link SurveyLinks} on every request, and nothing else is reachable here.
 */
@Configuration(proxyBeanMethods = false)
class SurveySecurity {

    @Bean
    @Order(2)
    SecurityFilterChain surveyPage(HttpSecurity http) throws Exception {
        return VigiePages.withPageHeaders(http).securityMatcher("/survey")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // The form carries the signed token, which a forger cannot produce: it is the CSRF protection here.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
