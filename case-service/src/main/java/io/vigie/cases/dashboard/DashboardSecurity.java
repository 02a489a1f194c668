package io.vigie.cases.dashboard;

import io.vigie.platform.security.Roles;
import io.vigie.platform.security.VigiePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The dashboard is for people in a browser: form login against the same users as the API, a session, and CSRF
 * tokens on every form (the session cookie is what a forged cross-site request would ride on). The API keeps the
 * platform's stateless chain. Nothing on the pages comes from anywhere but this service.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {

    static final String LOGIN = "/dashboard/login";

    @Bean
    @Order(1)
    SecurityFilterChain dashboardFilterChain(HttpSecurity http) throws Exception {
        VigiePages.withPageHeaders(http).securityMatcher("/dashboard", "/dashboard/**", "/webjars/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN, "/dashboard/assets/**", "/webjars/**").permitAll()
                        .anyRequest().hasAnyRole(Roles.VIEWER, Roles.ANALYST, Roles.COMMUNICATIONS, Roles.MANAGER))
                .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/dashboard", false)
                        .failureUrl(LOGIN + "?error"))
                .logout(logout -> logout.logoutUrl("/dashboard/logout").logoutSuccessUrl(LOGIN + "?logout"));
        return http.build();
    }
}
