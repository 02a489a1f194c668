package io.vigie.regulatory;

import io.vigie.regulatory.clock.ClockProperties;
import io.vigie.regulatory.obligation.Criteria;
import io.vigie.regulatory.obligation.DueSoon;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({Criteria.class, DueSoon.class, ClockProperties.class})
class ServiceConfiguration {
}
