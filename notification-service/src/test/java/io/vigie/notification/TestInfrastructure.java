package io.vigie.notification;

import io.vigie.test.VigieInfrastructureInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;

/**
 * Test-support's real broker, registry, PostgreSQL database and SMTP server, and the replies mailbox (IMAP,
 * {@link RepliesMailbox}), as an initializer rather than a {@code @DynamicPropertySource}: every test class that names
 * it shares one cached application context.
 */
public class TestInfrastructure extends VigieInfrastructureInitializer {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vigie-test-replies-mailbox",
                new HashMap<>(RepliesMailbox.shared().springProperties())));
    }
}
