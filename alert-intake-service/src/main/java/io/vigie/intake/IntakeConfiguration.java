package io.vigie.intake;

import io.vigie.intake.source.IntakeProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
@EnableScheduling
class IntakeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
