package io.vigie.platform.kafka.autoconfigure;

import io.vigie.events.TopicSpec;
import io.vigie.events.Topics;
import io.vigie.test.VigieInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TopicDeclarationIT.Service.class, properties = "spring.application.name=topics-it")
class TopicDeclarationIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", infrastructure::schemaRegistryUrl);
    }

    @Test
    void shouldDeclareEveryTopicAndItsDeadLetterTopicWithTheConfiguredPartitions() throws Exception {
        List<String> expected = new ArrayList<>();
        for (TopicSpec<?> topic : Topics.ALL) {
            expected.add(topic.name());
            expected.add(topic.deadLetterTopic());
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                VigieInfrastructure.shared().kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(expected).allTopicNames().get();
            assertThat(topics).containsOnlyKeys(expected);
            assertThat(topics.get(Topics.ALERT_RAISED).partitions()).hasSize(3);
            assertThat(topics.get(Topics.ALERT_RAISED_TOPIC.deadLetterTopic()).partitions()).hasSize(3);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {
    }
}
