package io.vigie.platform.kafka.autoconfigure;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DOWN when a listener container has stopped without being asked to, e.g. after a listener threw an {@link Error}:
 * the service then no longer does its stage, and an orchestrator should restart it rather than keep routing to it.
 */
public class KafkaListenersHealthIndicator implements HealthIndicator {

    private final KafkaListenerEndpointRegistry registry;

    public KafkaListenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Map<String, String> containers = new LinkedHashMap<>();
        boolean allHealthy = true;
        for (MessageListenerContainer container : registry.getAllListenerContainers()) {
            // Running, never started yet, or stopped on purpose is expected; stopped by a failure is not.
            boolean healthy = container.isInExpectedState();
            allHealthy &= healthy;
            containers.put(container.getListenerId(), !healthy ? "stopped unexpectedly"
                    : container.isRunning() ? "running" : "not running");
        }
        Health.Builder health = allHealthy ? Health.up() : Health.down();
        return health.withDetail("containers", containers).build();
    }
}
