package io.vigie.postmortem;

import io.vigie.postmortem.report.ClientFeedbackProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientFeedbackProperties.class)
class ServiceConfiguration {

    /** One clock for "now", so overdue action items and approval times can be tested at a chosen instant. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
