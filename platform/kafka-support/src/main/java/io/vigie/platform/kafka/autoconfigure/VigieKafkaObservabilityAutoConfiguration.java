package io.vigie.platform.kafka.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Common metric tags and the listener-container health of every Vigie service. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class VigieKafkaObservabilityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, MeterRegistryCustomizer.class})
    static class MetricTags {

        /**
         * {@code service} and {@code instance} on every meter, so one Prometheus query can compare the five services
         * and the replicas of one ({@code vigie.instance-id}, by default the host name, e.g. the pod's).
         */
        @Bean
        MeterRegistryCustomizer<MeterRegistry> vigieCommonTags(Environment environment) {
            String service = environment.getProperty("spring.application.name", "vigie");
            String instance = environment.getProperty("vigie.instance-id", defaultInstanceId());
            return registry -> registry.config().commonTags("service", service, "instance", instance);
        }

        private static String defaultInstanceId() {
            String hostname = System.getenv("HOSTNAME");
            if (hostname != null && !hostname.isBlank()) {
                return hostname;
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "unknown";
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class ListenerHealth {

        @Bean
        @ConditionalOnMissingBean(name = "kafkaListenersHealthIndicator")
        @ConditionalOnBean(KafkaListenerEndpointRegistry.class)
        KafkaListenersHealthIndicator kafkaListenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
            return new KafkaListenersHealthIndicator(registry);
        }
    }
}
