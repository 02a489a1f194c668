package io.vigie.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * An {@link AdjustableClock} as the service's {@code Clock} bean, for a test context ({@link VigieServiceTest} imports
 * it): the platform's own clock steps aside for it, and the tests autowire it to move time on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AdjustableClockConfiguration {

    @Bean
    @Primary
    AdjustableClock adjustableClock() {
        return new AdjustableClock();
    }
}
