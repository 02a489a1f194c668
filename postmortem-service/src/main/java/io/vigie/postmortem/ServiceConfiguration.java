package io.vigie.postmortem;

import io.vigie.postmortem.report.ClientFeedbackProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientFeedbackProperties.class)
class ServiceConfiguration {
}
