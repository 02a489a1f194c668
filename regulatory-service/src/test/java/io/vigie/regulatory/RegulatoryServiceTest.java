package io.vigie.regulatory;

import io.vigie.test.AdjustableClock;
import io.vigie.test.VigieInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration of every integration test here, so they all share one started service: the real broker,
 * registry and PostgreSQL of test-support, a user per role, and a clock the tests move forward. The scheduled clock
 * runs hourly only: the tests tick it themselves, at the instants they choose.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS, properties = {
        "vigie.security.users[0].name=viewer", "vigie.security.users[0].password={noop}viewer-pw",
        "vigie.security.users[0].roles=VIEWER",
        "vigie.security.users[1].name=analyst", "vigie.security.users[1].password={noop}analyst-pw",
        "vigie.security.users[1].roles=ANALYST",
        "vigie.security.users[2].name=comms", "vigie.security.users[2].password={noop}comms-pw",
        "vigie.security.users[2].roles=COMMUNICATIONS",
        "vigie.security.users[3].name=manager", "vigie.security.users[3].password={noop}manager-pw",
        "vigie.security.users[3].roles=MANAGER",
        "vigie.outbox.poll-interval=200ms",
        "vigie.regulatory.clock.interval=1h"})
@ContextConfiguration(initializers = RegulatoryServiceTest.Infrastructure.class)
@Import(RegulatoryServiceTest.TestClock.class)
public @interface RegulatoryServiceTest {

    class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(VigieInfrastructure.shared().springProperties("regulatory"))
                    .applyTo(context.getEnvironment());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {

        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }
    }
}
