package io.vigie.platform.kafka.autoconfigure;

import io.vigie.events.AlertRaised;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.TestEvents;
import io.vigie.test.VigieInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = ListenerHealthIT.Service.class, properties = "spring.application.name=listener-health-it")
class ListenerHealthIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", infrastructure::schemaRegistryUrl);
    }

    @Autowired
    KafkaListenersHealthIndicator health;

    @Autowired
    KafkaTemplate<String, Object> template;

    @Test
    void shouldGoDownWhenAListenerThrowsAnError() throws Exception {
        // given a running listener
        await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.UP)
                && containers().containsValue("running"));

        // when it meets a record that makes it throw an Error
        AlertRaised fatal = TestEvents.lockedAccountAlert(Service.FATAL);
        template.send("test.listener-health", "k", fatal).get();

        // then
        await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.DOWN));
        assertThat(containers()).containsValue("stopped unexpectedly");
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> containers() {
        return (Map<String, String>) health.health().getDetails().get("containers");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {

        static final String FATAL = "throw an Error";

        @KafkaListener(id = "fatal-listener", topics = "test.listener-health",
                groupId = "listener-health-it")
        void on(AlertRaised alert) {
            if (alert.getTitle().equals(FATAL)) {
                throw new LinkageError("simulated fatal error in a listener");
            }
        }
    }
}
