package io.vigie.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shared broker, registry, SMTP server and a new PostgreSQL database, named after the service's
 * {@code spring.application.name}, as an initializer rather than a {@code @DynamicPropertySource}: a
 * {@code @DynamicPropertySource} method differs per test class and so splits Spring's context cache, where every test
 * class naming this initializer with the same configuration shares one started service.
 */
public class VigieInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String service = context.getEnvironment().getProperty("spring.application.name", "service");
        TestPropertyValues.of(VigieInfrastructure.shared().springProperties(service))
                .applyTo(context.getEnvironment());
    }
}
