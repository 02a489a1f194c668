package io.vigie.platform.kafka.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The one {@link Clock} of a Vigie service: everything that records or compares a time reads this bean rather than
 * the system clock, so that a test can put its own {@code Clock} bean in the context (test-support's
 * {@code AdjustableClock}) and move time on; this one then steps aside.
 */
@AutoConfiguration
public class VigieClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
