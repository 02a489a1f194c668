package io.vigie.notification;

import io.vigie.test.VigieInfrastructure;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;

/**
 * The real broker, registry, PostgreSQL database and SMTP server of test-support, as an initializer rather than a
 * {@code @DynamicPropertySource}: every test class that names it shares one cached application context.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vigie-test-infrastructure",
                new HashMap<>(VigieInfrastructure.shared().springProperties("notification"))));
    }
}
