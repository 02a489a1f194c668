package io.vigie.notification;

import io.vigie.test.AdjustableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The notification tests' clock: the wall clock, moved forward by tests that need hours to pass. */
final class MovableClock {

    private MovableClock() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        AdjustableClock movableClock() {
            return new AdjustableClock();
        }
    }
}
