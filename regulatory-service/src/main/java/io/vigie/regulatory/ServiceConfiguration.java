package io.vigie.regulatory;

import io.vigie.regulatory.clock.ClockProperties;
import io.vigie.regulatory.obligation.Criteria;
import io.vigie.regulatory.obligation.DueSoon;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({Criteria.class, DueSoon.class, ClockProperties.class})
class ServiceConfiguration {

    /** One clock for "now", so deadlines, warnings and overdue reports can be tested at a chosen instant. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
