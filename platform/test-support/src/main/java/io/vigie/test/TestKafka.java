package io.vigie.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.vigie.platform.kafka.broker.LocalKafkaBroker;
import org.testcontainers.kafka.KafkaContainer;

/** The tests' Kafka: the in-process broker by default, a container when asked for and Docker is there. */
final class TestKafka implements AutoCloseable {

    static final String USE_DOCKER_VARIABLE = "VIGIE_TEST_USE_DOCKER_KAFKA";
    static final String IMAGE_VARIABLE = "VIGIE_TEST_KAFKA_IMAGE";
    private static final String DEFAULT_IMAGE = "apache/kafka:4.2.1";

    private final String bootstrapServers;
    private final LocalKafkaBroker broker;
    private final KafkaContainer container;
    private final Path directory;

    private TestKafka(String bootstrapServers, LocalKafkaBroker broker, KafkaContainer container, Path directory) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
        this.container = container;
        this.directory = directory;
    }

    static TestKafka start() {
        // The in-process broker stays the default even with Docker: fault tests need to stop and restart it.
        if (Boolean.parseBoolean(System.getenv(USE_DOCKER_VARIABLE)) && Docker.available()) {
            KafkaContainer container = new KafkaContainer(System.getenv().getOrDefault(IMAGE_VARIABLE, DEFAULT_IMAGE));
            container.start();
            return new TestKafka(container.getBootstrapServers(), null, container, null);
        }
        Path directory;
        try {
            directory = Files.createTempDirectory("vigie-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the test Kafka broker", e);
        }
        try {
            LocalKafkaBroker broker = LocalKafkaBroker.start(directory);
            return new TestKafka(broker.bootstrapServers(), broker, null, directory);
        } catch (RuntimeException e) {
            Commands.deleteRecursively(directory);
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Optional<LocalKafkaBroker> broker() {
        return Optional.ofNullable(broker);
    }

    String description() {
        return broker != null ? broker.toString() : "Kafka container " + container.getDockerImageName() + " at " + bootstrapServers;
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
            return;
        }
        try {
            broker.close();
        } finally {
            Commands.deleteRecursively(directory);
        }
    }
}
