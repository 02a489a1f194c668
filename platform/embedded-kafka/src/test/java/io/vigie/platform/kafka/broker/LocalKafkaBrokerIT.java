package io.vigie.platform.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerIT {

    @TempDir
    static Path sharedDirectory;

    static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.start(sharedDirectory);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldDeliverAProducedRecordToAConsumer() throws Exception {
        // given
        String topic = "alerts-roundtrip";

        // when
        KafkaTestClients.send(broker.bootstrapServers(), topic, "asset-1", "disk full");

        // then
        assertThat(KafkaTestClients.readFromStart(broker.bootstrapServers(), topic, 1))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.key()).isEqualTo("asset-1");
                    assertThat(record.value()).isEqualTo("disk full");
                });
    }

    @Test
    void shouldBindEveryListenerToLoopbackOnly() throws Exception {
        assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(broker.listeners()).hasSize(2).allSatisfy(listener ->
                assertThat(URI.create(listener).getHost()).isEqualTo("127.0.0.1"));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
            assertThat(nodes).extracting(Node::host).containsExactly("127.0.0.1");
        }
    }

    @Test
    void shouldRefuseConnectionsOnNonLoopbackAddresses() throws Exception {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeThat(external).as("a non-loopback network address on this machine").isPresent();
        int port = URI.create("tcp://" + broker.bootstrapServers()).getPort();

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), port), 5_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldComeBackAtTheSameAddressWithItsRecordsAfterStopAndStart(@TempDir Path directory) throws Exception {
        // given
        try (LocalKafkaBroker restartable = LocalKafkaBroker.start(directory);
             KafkaProducer<String, String> producer = KafkaTestClients.producer(restartable.bootstrapServers())) {
            String address = restartable.bootstrapServers();
            producer.send(new ProducerRecord<>("incidents", "incident-1", "before the outage")).get(30, TimeUnit.SECONDS);

            // when
            restartable.stop();
            assertThat(restartable.isRunning()).isFalse();
            restartable.start();

            // then
            assertThat(restartable.isRunning()).isTrue();
            assertThat(restartable.bootstrapServers()).isEqualTo(address);
            producer.send(new ProducerRecord<>("incidents", "incident-1", "after the outage")).get(60, TimeUnit.SECONDS);
            assertThat(KafkaTestClients.readFromStart(address, "incidents", 2))
                    .extracting(record -> record.value())
                    .containsExactly("before the outage", "after the outage");
        }
    }

    @Test
    void shouldKeepTopicDataWhenTheSameDirectoryIsStartedAgain(@TempDir Path directory) throws Exception {
        // given
        String firstAddress;
        try (LocalKafkaBroker first = LocalKafkaBroker.start(directory)) {
            firstAddress = first.bootstrapServers();
            KafkaTestClients.send(firstAddress, "cases", "case-7", "opened");
        }

        // when
        try (LocalKafkaBroker second = LocalKafkaBroker.start(directory)) {

            // then
            assertThat(second.bootstrapServers()).isEqualTo(firstAddress);
            assertThat(KafkaTestClients.readFromStart(second.bootstrapServers(), "cases", 1))
                    .extracting(record -> record.value())
                    .containsExactly("opened");
        }
    }

    @Test
    void shouldMoveToFreePortsKeepingItsDataWhenTheRecordedOnesAreTaken(@TempDir Path directory) throws Exception {
        // given
        String firstAddress;
        try (LocalKafkaBroker first = LocalKafkaBroker.start(directory)) {
            firstAddress = first.bootstrapServers();
            KafkaTestClients.send(firstAddress, "notices", "client-3", "sent");
        }
        int firstPort = URI.create("tcp://" + firstAddress).getPort();

        // when
        try (ServerSocket squatter = new ServerSocket(firstPort, 1, InetAddress.getByName("127.0.0.1"));
             LocalKafkaBroker moved = LocalKafkaBroker.start(directory)) {

            // then
            assertThat(moved.bootstrapServers()).isNotEqualTo(firstAddress).startsWith("127.0.0.1:");
            assertThat(KafkaTestClients.readFromStart(moved.bootstrapServers(), "notices", 1))
                    .extracting(record -> record.value())
                    .containsExactly("sent");
        }
    }

    @Test
    void shouldApplyCallerOverrides(@TempDir Path directory) throws Exception {
        try (LocalKafkaBroker strict = LocalKafkaBroker.start(directory, Map.of("auto.create.topics.enable", "false"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, strict.bootstrapServers()))) {
            ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config config = admin.describeConfigs(List.of(node)).all().get(30, TimeUnit.SECONDS).get(node);

            assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
            assertThat(config.get("log.cleaner.dedupe.buffer.size").value()).isEqualTo(String.valueOf(8 * 1024 * 1024));
        }
    }

    @Test
    void shouldRejectOverridesThatWouldMoveTheListeners(@TempDir Path directory) {
        assertThatThrownBy(() -> LocalKafkaBroker.start(directory, Map.of("listeners", "PLAINTEXT://0.0.0.0:9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners");
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(LocalKafkaBrokerIT::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                // Link-local IPv6 addresses need a scope to be reachable; any other local address will do.
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress() && !address.isAnyLocalAddress())
                .sorted((a, b) -> Boolean.compare(a instanceof Inet6Address, b instanceof Inet6Address))
                .findFirst();
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
