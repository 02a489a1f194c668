package io.vigie.platform.kafka.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code vigie.kafka.*}: how Vigie declares its topics and retries a record before it goes to the dead-letter topic.
 *
 * @param topics declaration of every topic in {@code Topics} and its {@code .DLT}
 * @param retry  bounded back-off for records whose processing failed with a retryable error
 */
@ConfigurationProperties("vigie.kafka")
public record VigieKafkaProperties(@DefaultValue Topics topics, @DefaultValue Retry retry) {

    /**
     * @param create            declare the topics at start-up (off where a platform team owns them, e.g. Strimzi)
     * @param partitions        partitions of each topic: bounds how many instances of a service consume in parallel
     * @param replicationFactor 1 for a single local broker, 3 in production
     */
    public record Topics(@DefaultValue("true") boolean create, @DefaultValue("3") int partitions,
                         @DefaultValue("1") short replicationFactor) {
    }

    /**
     * @param maxAttempts     deliveries of a record, the first one included, before it goes to the DLT
     * @param initialInterval wait before the second delivery
     * @param multiplier      growth of the wait between deliveries
     * @param maxInterval     longest wait between two deliveries
     */
    public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("500ms") Duration initialInterval,
                        @DefaultValue("2.0") double multiplier, @DefaultValue("5s") Duration maxInterval) {
    }
}
