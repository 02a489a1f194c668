package io.vigie.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vigie.platform.kafka.broker.LocalKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VigieInfrastructureExtension.class)
class KafkaIT {

    @Test
    void shouldRunTheInProcessBrokerOnLoopbackOnly(VigieInfrastructure infrastructure) throws Exception {
        assumeThat(infrastructure.kafkaBroker()).as("the in-process broker (not the Docker one)").isPresent();
        LocalKafkaBroker broker = infrastructure.kafkaBroker().orElseThrow();

        assertThat(infrastructure.kafkaBootstrapServers()).isEqualTo(broker.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(broker.listeners()).isNotEmpty().allSatisfy(listener ->
                assertThat(URI.create(listener).getHost()).isEqualTo("127.0.0.1"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
            assertThat(nodes).extracting(Node::host).containsExactly("127.0.0.1");
        }
    }

    @Test
    void shouldHandTheSameInfrastructureToEveryTest(VigieInfrastructure infrastructure) {
        assertThat(infrastructure).isSameAs(VigieInfrastructure.shared());
        assertThat(infrastructure.kafkaBootstrapServers()).isEqualTo(VigieInfrastructure.shared().kafkaBootstrapServers());
    }
}
