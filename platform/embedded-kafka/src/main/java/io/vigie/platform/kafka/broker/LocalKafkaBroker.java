package io.vigie.platform.kafka.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker inside this JVM: one KRaft node that is both broker and controller, listening on
 * 127.0.0.1 only.
 *
 * <p>The data directory holds the broker's log and the ports it chose, so a later start on the same directory
 * finds its topics again at the same address (as long as those ports are still free). {@link #stop()} and
 * {@link #start()} keep both, which lets fault-injection tests take the broker away and bring it back while
 * clients reconnect by themselves.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String LOG_DIRECTORY = "kraft-combined-logs";
    private static final String PORTS_FILE = "vigie-broker-ports.properties";
    private static final String BROKER_PORT_KEY = "broker.port";
    private static final String CONTROLLER_PORT_KEY = "controller.port";

    /** What makes this broker a loopback-only single node: callers may not change these. */
    private static final Set<String> RESERVED_KEYS = Set.of(
            "process.roles", "node.id", "listeners", "advertised.listeners", "listener.security.protocol.map",
            "controller.listener.names", "inter.broker.listener.name", "controller.quorum.voters",
            "controller.quorum.bootstrap.servers", "log.dir", "log.dirs", "metadata.log.dir");

    static {
        // A broker that fails fatally calls Exit, which would otherwise end the whole test or application JVM.
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Embedded Kafka broker tried to exit the JVM (status " + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Embedded Kafka broker tried to halt the JVM (status " + status + "): " + message);
        });
    }

    private final Path dataDirectory;
    private final Path logDirectory;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private LocalKafkaBroker(Path dataDirectory, int brokerPort, int controllerPort, Map<String, String> overrides) {
        this.dataDirectory = dataDirectory;
        this.logDirectory = dataDirectory.resolve(LOG_DIRECTORY);
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.overrides = overrides;
    }

    /** Starts a broker on {@code dataDirectory}, formatting it on first use and reusing its data afterwards. */
    public static LocalKafkaBroker start(Path dataDirectory) {
        return start(dataDirectory, Map.of());
    }

    /**
     * As {@link #start(Path)}, with broker settings added to or replacing the defaults (for example
     * {@code auto.create.topics.enable=false}). Listeners, node id, quorum and log directories are owned by
     * this class and cannot be overridden.
     */
    public static LocalKafkaBroker start(Path dataDirectory, Map<String, String> overrides) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Set<String> reserved = overrides.keySet().stream().filter(RESERVED_KEYS::contains).collect(Collectors.toSet());
        if (!reserved.isEmpty()) {
            throw new IllegalArgumentException("These broker settings are fixed by LocalKafkaBroker: " + reserved);
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory " + directory, e);
        }
        int[] ports = ports(directory);
        LocalKafkaBroker broker = new LocalKafkaBroker(directory, ports[0], ports[1], Map.copyOf(overrides));
        broker.formatIfNew();
        broker.start();
        return broker;
    }

    /** Where clients connect: {@code 127.0.0.1:PORT}, unchanged across {@link #stop()} and {@link #start()}. */
    public String bootstrapServers() {
        return LoopbackPorts.HOST + ":" + brokerPort;
    }

    /** Every listener the broker binds, as configured, so tests can check that none leaves the loopback interface. */
    public List<String> listeners() {
        return List.of(listenerUri(BROKER_LISTENER, brokerPort), listenerUri(CONTROLLER_LISTENER, controllerPort));
    }

    /** Restarts the broker after {@link #stop()}, on the same ports and data; does nothing if it is running. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaLogLevels.quietenBrokerLoggers();
        long startedAt = System.nanoTime();
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(brokerProperties(), false), Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            shutDown(starting);
            throw new IllegalStateException("Embedded Kafka broker did not start on " + listeners()
                    + " with data in " + dataDirectory + ": " + e.getMessage(), e);
        }
        server = starting;
        log.info("Kafka broker up at {} in {} ms (data: {})", bootstrapServers(),
                (System.nanoTime() - startedAt) / 1_000_000, dataDirectory);
    }

    /** Shuts the broker down cleanly, keeping its data and ports so {@link #start()} brings it back at the same address. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        shutDown(stopping);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Same as {@link #stop()}; safe to call more than once. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "LocalKafkaBroker[" + bootstrapServers() + (isRunning() ? ", running" : ", stopped") + ", " + dataDirectory + "]";
    }

    private static void shutDown(KafkaRaftServer raftServer) {
        raftServer.shutdown();
        raftServer.awaitShutdown();
    }

    private Properties brokerProperties() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@" + LoopbackPorts.HOST + ":" + controllerPort);
        settings.put("listeners", String.join(",", listeners()));
        settings.put("advertised.listeners", listenerUri(BROKER_LISTENER, brokerPort));
        settings.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("inter.broker.listener.name", BROKER_LISTENER);
        settings.put("log.dirs", logDirectory.toString());
        // The default 128 MiB compaction buffer is allocated up front and would take a large bite of a test JVM's heap.
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        // One node: internal topics cannot have more than one replica, and one partition starts fastest.
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers join a group at once instead of waiting 3 s for others that will never come.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // After a crash the controller, reading its log again, takes the dead broker's registration for a live one and
        // refuses the new one (DUPLICATE_BROKER_REGISTRATION) until that session times out: 9 s by default, most of a
        // restart after kill -9 (2.4 s clean, 12.3 s after a crash). The heartbeat never leaves this JVM, so a 2 s
        // session at a heartbeat every 250 ms fences nothing that is alive, and the restart takes 4 s.
        settings.put("broker.session.timeout.ms", "2000");
        settings.put("broker.heartbeat.interval.ms", "250");
        settings.put("auto.create.topics.enable", "true");
        settings.putAll(overrides);
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    private void formatIfNew() {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDirectory.toString())
                    .addDirectory(logDirectory.toString())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDirectory + ": " + e.getMessage(), e);
        }
    }

    private static String listenerUri(String listener, int port) {
        return listener + "://" + LoopbackPorts.HOST + ":" + port;
    }

    /** The ports recorded in the data directory when both are still free, otherwise two new ones (then recorded). */
    private static int[] ports(Path directory) {
        Path file = directory.resolve(PORTS_FILE);
        Properties recorded = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                recorded.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            int broker = parsePort(recorded.getProperty(BROKER_PORT_KEY));
            int controller = parsePort(recorded.getProperty(CONTROLLER_PORT_KEY));
            if (broker != controller && LoopbackPorts.isFree(broker) && LoopbackPorts.isFree(controller)) {
                return new int[] {broker, controller};
            }
            log.warn("Kafka ports {} and {} recorded in {} are taken; the broker moves to new ports", broker, controller, file);
        }
        int[] chosen = LoopbackPorts.freePair();
        recorded.setProperty(BROKER_PORT_KEY, String.valueOf(chosen[0]));
        recorded.setProperty(CONTROLLER_PORT_KEY, String.valueOf(chosen[1]));
        try (OutputStream out = Files.newOutputStream(file)) {
            recorded.store(out, "Ports of the embedded Kafka broker, reused when this directory is started again");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return chosen;
    }

    private static int parsePort(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
