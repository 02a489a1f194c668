package io.vigie.notification;

import io.vigie.test.VigieInfrastructure;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;

/**
 * The real broker, registry, PostgreSQL database and SMTP server of test-support, and the replies mailbox (IMAP,
 * {@link RepliesMailbox}), as an initializer rather than a {@code @DynamicPropertySource}: every test class that names
 * it shares one cached application context.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        HashMap<String, Object> properties = new HashMap<>(VigieInfrastructure.shared().springProperties("notification"));
        properties.putAll(RepliesMailbox.shared().springProperties());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vigie-test-infrastructure",
                properties));
    }
}
