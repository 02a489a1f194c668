package io.vigie.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.firewall.HttpFirewall;

import java.time.Clock;
import java.util.List;

/**
 * Every Vigie API answers only to an authenticated caller with a Vigie role: a configured user over HTTP Basic, or
 * a JWT from the identity provider when {@code spring.security.oauth2.resourceserver.jwt.*} is set. Health, info
 * and Prometheus stay open for orchestrators and scrapers. Services restrict actions by role with
 * {@code @PreAuthorize}, and add their own filter chains (with a higher precedence) for what authenticates
 * differently: webhooks, the dashboard's form login.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(VigieSecurityProperties.class)
@EnableMethodSecurity
public class VigieWebSecurityAutoConfiguration {

    /** The catch-all chain, last in order so that a service's own chains for special paths come first. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 100)
    SecurityFilterChain vigieApiSecurity(HttpSecurity http, VigieSecurityProperties properties,
                                         ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        boolean jwt = jwtDecoder.getIfAvailable() != null;
        ProblemResponses problems = new ProblemResponses(!jwt);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/error").permitAll()
                        .anyRequest().hasAnyRole(Roles.VIEWER, Roles.ANALYST, Roles.COMMUNICATIONS, Roles.MANAGER))
                // A stateless API for machines and scripts: no session, so no cookie a browser could be tricked
                // into sending, and CSRF tokens would protect nothing.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (jwt) {
            http.oauth2ResourceServer(server -> server
                    .jwt(token -> token.jwtAuthenticationConverter(rolesFrom(properties.rolesClaim())))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    private static JwtAuthenticationConverter rolesFrom(String claim) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(claim);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    UserDetailsService vigieUsers(VigieSecurityProperties properties) {
        List<UserDetails> users = properties.users().stream()
                .map(user -> User.withUsername(user.name())
                        .password(user.password()) // as configured, "{id}hash", read by the delegating encoder
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList();
        // Only the look-up, not the manager itself: handed a UserDetailsPasswordService, Spring Security "upgrades"
        // a {noop} password to bcrypt in memory after the first login, and every later request then pays a bcrypt
        // check (about 100 ms of CPU on two cores: the local stack's API calls went from milliseconds to that).
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        return manager::loadUserByUsername;
    }

    /** Failed logins counted per user and per address, whatever chain checked the password. */
    @Bean
    @ConditionalOnMissingBean
    LoginThrottle vigieLoginThrottle(ObjectProvider<MeterRegistry> meters) {
        return new LoginThrottle(LoginThrottle.Policy.defaults(), Clock.systemUTC(), meters.getIfAvailable());
    }

    /** Ahead of Spring Security's own filter, so a locked login never reaches a password check. */
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> vigieLoginThrottleFilter(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** Each wrong password counts against its user name and address; a right one clears the user's count. */
    @Bean
    ApplicationListener<AbstractAuthenticationEvent> vigieLoginOutcomes(LoginThrottle throttle) {
        return event -> {
            if (event instanceof AbstractAuthenticationFailureEvent failure
                    && failure.getException() instanceof BadCredentialsException) {
                Object details = failure.getAuthentication().getDetails();
                throttle.failed(failure.getAuthentication().getName(),
                        details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null);
            } else if (event instanceof AuthenticationSuccessEvent success
                    && success.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
                throttle.succeeded(success.getAuthentication().getName());
            }
        };
    }

    /** Reads "{bcrypt}…", "{argon2}…", "{noop}…": the id in the stored password says how it was hashed. */
    /** Spring Security's strict firewall, its character rules checked without regular expressions ({@link VigieFirewall}). */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    HttpFirewall vigieHttpFirewall() {
        return VigieFirewall.create();
    }

    /**
     * No observation around each filter of the security chain: wrapping each of them cost a sixth of a webhook
     * request's CPU under load (JFR, alert-intake-service README), and no dashboard or alert reads the
     * {@code spring.security.*} timers. Each request is still observed once, as {@code http.server.requests}.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings vigieSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder vigiePasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Tomcat answers some malformed requests itself (an encoded slash, a NUL), with an HTML page: every Vigie service
     * answers them as problem+json instead. Last among the customizers, so that the valve replaces Boot's own.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class TomcatErrors {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> vigieTomcatErrorReport() {
            return new OrderedTomcatCustomizer();
        }
    }

    private static final class OrderedTomcatCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Pipeline pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemJsonErrorReportValve());
                if (context.getParent() instanceof StandardHost host) {
                    // Else the host adds Tomcat's own at start, which would answer first.
                    host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
