package io.vigie.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vigie.platform.kafka.broker.LocalKafkaBroker;
import io.vigie.platform.registry.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real infrastructure a Vigie test talks to: a Kafka broker, a schema registry, PostgreSQL and an SMTP
 * server, one of each per test JVM.
 *
 * <p>Each part starts on first use and is shared by every test class in the JVM; all of them are stopped and
 * their files deleted when the JVM exits. Tests get it from {@link VigieInfrastructureExtension} or from
 * {@link #shared()}; a {@code @SpringBootTest} uses {@link #register(DynamicPropertyRegistry, String)}.
 *
 * <p>PostgreSQL comes from, in this order: the server named by {@code VIGIE_TEST_POSTGRES_URL},
 * {@code VIGIE_TEST_POSTGRES_USER} and {@code VIGIE_TEST_POSTGRES_PASSWORD}; a Testcontainers container when
 * Docker is available; a private cluster made with the locally installed PostgreSQL server binaries.
 */
public final class VigieInfrastructure {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    public static final String SCHEMA_REGISTRY_URL = "spring.kafka.properties.schema.registry.url";
    public static final String DATASOURCE_URL = "spring.datasource.url";
    public static final String DATASOURCE_USERNAME = "spring.datasource.username";
    public static final String DATASOURCE_PASSWORD = "spring.datasource.password";
    public static final String MAIL_HOST = "spring.mail.host";
    public static final String MAIL_PORT = "spring.mail.port";

    private static final List<String> SPRING_PROPERTY_NAMES = List.of(KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL,
            DATASOURCE_URL, DATASOURCE_USERNAME, DATASOURCE_PASSWORD, MAIL_HOST, MAIL_PORT);

    private static final Logger log = LoggerFactory.getLogger(VigieInfrastructure.class);

    private static VigieInfrastructure shared;

    /** Everything started so far, most recent first: stopped in that order. */
    private final Deque<Stoppable> started = new ArrayDeque<>();
    private TestKafka kafka;
    private String schemaRegistryUrl;
    private PostgresServer postgres;
    private GreenMail mail;

    private VigieInfrastructure() {
    }

    /** The JVM's infrastructure; nothing starts until a part of it is asked for. */
    public static synchronized VigieInfrastructure shared() {
        if (shared == null) {
            VigieInfrastructure infrastructure = new VigieInfrastructure();
            // A JVM-wide hook rather than JUnit's root context: cached Spring test contexts outlive the test plan
            // and keep using the broker and databases until the JVM exits.
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stopAll, "vigie-test-infrastructure-stop"));
            shared = infrastructure;
        }
        return shared;
    }

    /**
     * Registers {@link #springProperties(String)} for a {@code @SpringBootTest}:
     * {@code @DynamicPropertySource static void infrastructure(DynamicPropertyRegistry r) { VigieInfrastructure.register(r, "triage"); }}.
     * The infrastructure starts and the database is created when Spring first reads one of the properties.
     */
    public static void register(DynamicPropertyRegistry registry, String service) {
        PostgresServer.normalise(service);
        LazyProperties properties = new LazyProperties(service);
        for (String name : SPRING_PROPERTY_NAMES) {
            registry.add(name, () -> properties.get().get(name));
        }
    }

    public String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** The in-process broker, for tests that stop and restart it; empty when Kafka runs in a container. */
    public Optional<LocalKafkaBroker> kafkaBroker() {
        return kafka().broker();
    }

    public synchronized String schemaRegistryUrl() {
        if (schemaRegistryUrl == null) {
            Path directory = temporaryDirectory("vigie-registry-");
            try {
                SchemaRegistryServer registry = SchemaRegistryServer.start(directory);
                schemaRegistryUrl = registry.url();
                started.push(new Stoppable("schema registry at " + schemaRegistryUrl, () -> {
                    try {
                        registry.close();
                    } finally {
                        Commands.deleteRecursively(directory);
                    }
                }));
                log.info("Test schema registry at {}", schemaRegistryUrl);
            } catch (RuntimeException e) {
                Commands.deleteRecursively(directory);
                throw e;
            }
        }
        return schemaRegistryUrl;
    }

    /** A new, empty database named {@code vigie_<service>_<n>}, owned by the returned user. */
    public DatabaseCoordinates createDatabase(String service) {
        return postgres().createDatabase(service);
    }

    /** The SMTP server the services send to; read what arrived with {@link GreenMail#getReceivedMessages()}. */
    public synchronized GreenMail mail() {
        if (mail == null) {
            GreenMail server = new GreenMail(new ServerSetup(0, FreePorts.LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            started.push(new Stoppable("SMTP server", server::stop));
            mail = server;
            log.info("Test SMTP server at {}:{}", FreePorts.LOOPBACK, server.getSmtp().getPort());
        }
        return mail;
    }

    public String smtpHost() {
        return FreePorts.LOOPBACK;
    }

    public int smtpPort() {
        return mail().getSmtp().getPort();
    }

    /** Forgets every received message, so a test sees only the mail it caused. */
    public void purgeMail() {
        try {
            mail().purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Cannot purge the test mailboxes", e);
        }
    }

    /**
     * Spring Boot properties for one service under test, with a database of its own: Kafka bootstrap servers,
     * the schema registry URL for the serializers, {@code spring.datasource.*} and {@code spring.mail.*}.
     */
    public Map<String, String> springProperties(String service) {
        DatabaseCoordinates database = createDatabase(service);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers());
        properties.put(SCHEMA_REGISTRY_URL, schemaRegistryUrl());
        properties.put(DATASOURCE_URL, database.jdbcUrl());
        properties.put(DATASOURCE_USERNAME, database.username());
        properties.put(DATASOURCE_PASSWORD, database.password());
        properties.put(MAIL_HOST, smtpHost());
        properties.put(MAIL_PORT, String.valueOf(smtpPort()));
        return properties;
    }

    private synchronized TestKafka kafka() {
        if (kafka == null) {
            long startedAt = System.nanoTime();
            TestKafka starting = TestKafka.start();
            started.push(new Stoppable("Kafka", starting::close));
            kafka = starting;
            log.info("Test Kafka in {} ms: {}", millisSince(startedAt), starting.description());
        }
        return kafka;
    }

    private synchronized PostgresServer postgres() {
        if (postgres == null) {
            long startedAt = System.nanoTime();
            PostgresServer starting = startPostgres();
            started.push(new Stoppable("PostgreSQL", starting::close));
            postgres = starting;
            log.info("Test PostgreSQL in {} ms: {}", millisSince(startedAt), starting.description());
        }
        return postgres;
    }

    private static PostgresServer startPostgres() {
        PostgresServer external = ExternalPostgres.fromEnvironment();
        if (external != null) {
            return external;
        }
        if (Docker.available()) {
            return ContainerPostgres.start();
        }
        Optional<Path> binaries = LocalPostgresCluster.findBinaries();
        if (binaries.isPresent()) {
            return LocalPostgresCluster.start(binaries.get());
        }
        throw new IllegalStateException("No PostgreSQL for the tests. Do one of: install the PostgreSQL server "
                + "binaries (initdb, pg_ctl; Debian/Ubuntu: apt-get install postgresql, macOS: brew install postgresql@15) "
                + "so that 'pg_config --bindir' or /usr/lib/postgresql/<version>/bin finds them; start a Docker engine "
                + "for Testcontainers; or set " + ExternalPostgres.URL_VARIABLE + " (JDBC URL of an admin database), "
                + ExternalPostgres.USER_VARIABLE + " and " + ExternalPostgres.PASSWORD_VARIABLE
                + " to use an existing server with an account allowed to CREATE DATABASE.");
    }

    private synchronized void stopAll() {
        while (!started.isEmpty()) {
            Stoppable part = started.pop();
            try {
                part.action().stop();
            } catch (Exception | LinkageError e) {
                log.warn("Could not stop the test {} cleanly: {}", part.name(), e.toString());
            }
        }
    }

    private static long millisSince(long startedAt) {
        return (System.nanoTime() - startedAt) / 1_000_000;
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory " + prefix, e);
        }
    }

    private record Stoppable(String name, StopAction action) {
    }

    @FunctionalInterface
    private interface StopAction {
        void stop() throws Exception;
    }

    /** Creates the database on first read, so a cached Spring context that never asks starts nothing. */
    private static final class LazyProperties {

        private final String service;
        private Map<String, String> properties;

        LazyProperties(String service) {
            this.service = service;
        }

        synchronized Map<String, String> get() {
            if (properties == null) {
                properties = shared().springProperties(service);
            }
            return properties;
        }
    }
}
