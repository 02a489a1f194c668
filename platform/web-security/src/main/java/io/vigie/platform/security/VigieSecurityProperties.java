package io.vigie.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code vigie.security.*}.
 *
 * @param users       people who may call the API with HTTP Basic (local runs, small deployments); production uses
 *                    JWTs from the organisation's identity provider instead
 *                    ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri})
 * @param rolesClaim  the JWT claim that lists a caller's Vigie roles
 */
@ConfigurationProperties("vigie.security")
public record VigieSecurityProperties(@DefaultValue List<User> users, @DefaultValue("roles") String rolesClaim) {

    /**
     * @param name     login name, recorded as the actor of what the user does
     * @param password hashed with its encoder's id, e.g. {@code {bcrypt}$2a$10$…}; {@code {noop}} only for demos
     * @param roles    some of {@link Roles}
     */
    public record User(String name, String password, @DefaultValue List<String> roles) {

        @Override
        public String toString() {
            return "User[name=" + name + ", roles=" + roles + "]";
        }
    }
}
