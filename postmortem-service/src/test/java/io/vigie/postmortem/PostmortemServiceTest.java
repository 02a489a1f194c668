package io.vigie.postmortem;

import io.vigie.test.VigieInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration of every integration test here, so they all share one started service (Spring caches the
 * context by configuration): the real broker, registry and PostgreSQL of test-support, and a user per role.
 * An initializer rather than a {@code @DynamicPropertySource}, whose method would differ per class and so split the
 * cache.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS, properties = {
        "vigie.security.users[0].name=viewer", "vigie.security.users[0].password={noop}viewer-pw",
        "vigie.security.users[0].roles=VIEWER",
        "vigie.security.users[1].name=analyst", "vigie.security.users[1].password={noop}analyst-pw",
        "vigie.security.users[1].roles=ANALYST",
        "vigie.security.users[2].name=manager", "vigie.security.users[2].password={noop}manager-pw",
        "vigie.security.users[2].roles=MANAGER",
        "vigie.outbox.poll-interval=200ms"})
@ContextConfiguration(initializers = PostmortemServiceTest.Infrastructure.class)
public @interface PostmortemServiceTest {

    class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(VigieInfrastructure.shared().springProperties("postmortem"))
                    .applyTo(context.getEnvironment());
        }
    }
}
