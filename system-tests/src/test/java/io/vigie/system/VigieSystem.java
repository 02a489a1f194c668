package io.vigie.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.TopicSpec;
import io.vigie.events.Topics;
import io.vigie.localstack.DatabaseSettings;
import io.vigie.localstack.LocalStack;
import io.vigie.localstack.LocalStackSettings;
import io.vigie.localstack.LocalUsers;
import io.vigie.localstack.VigieService;
import io.vigie.localstack.demo.SeedData;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.test.DatabaseCoordinates;
import io.vigie.test.VigieInfrastructure;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Vigie as its users and operators see it, for the system tests: the five services on the local stack's real Kafka
 * broker, schema registry and SMTP mailbox, each service on its own fresh PostgreSQL database from test-support
 * (one per service, as in production), the seed data loaded through the APIs. Plus what the tests read it with: the
 * APIs as the local users, the webhooks as the SIEMs call them, the mailbox, and the topics.
 */
public final class VigieSystem implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final Path varDirectory;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private VigieSystem(LocalStack stack, Path varDirectory) {
        this.stack = stack;
        this.varDirectory = varDirectory;
    }

    static VigieSystem start() {
        Path varDirectory;
        try {
            varDirectory = Files.createTempDirectory("vigie-system-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalStackSettings settings = LocalStackSettings.defaults().withVarDirectory(varDirectory).withAnyFreePorts();
        for (VigieService service : VigieService.values()) {
            DatabaseCoordinates database = VigieInfrastructure.shared().createDatabase(service.shortName());
            settings = settings.withDatabase(service,
                    new DatabaseSettings(database.jdbcUrl(), database.username(), database.password()));
        }
        // Deadlines are checked every 2 s instead of 30: a report pushed past its deadline shows overdue at once.
        settings = settings.withServiceArguments(VigieService.REGULATORY, "--vigie.regulatory.clock.interval=2s");
        LocalStack stack = LocalStack.start(settings);
        try {
            SeedData.load(stack);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return new VigieSystem(stack, varDirectory);
    }

    public LocalStack stack() {
        return stack;
    }

    @Override
    public void close() throws IOException {
        stack.close();
        try (Stream<Path> files = Files.walk(varDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    // ---- the world: clients, contacts and assets of one test ------------------------------------------------------

    /** One client of a test, with a French- and an English-speaking contact and one asset in triage's inventory. */
    public record Client(String id, String asset, String frenchContact, String englishContact) {

        public List<String> contacts() {
            return List.of(frenchContact, englishContact);
        }
    }

    /**
     * A new client of the SOC, its contacts in notification-service's directory and its asset in triage-service's
     * inventory, with names no other test uses: the test then owns every incident and email about them.
     */
    public Client newClient(String label, String assetDomain, String criticality, String dataCategories) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = label + "-" + suffix;
        String asset = assetDomain.replace("{id}", suffix);
        Client client = new Client(id, asset, "rssi@" + id + ".example", "it@" + id + ".example");
        requireSuccess(call("PUT", VigieService.TRIAGE, "/api/inventory/" + asset, "manager", """
                {"kind": "ASSET", "criticality": "%s", "clients": ["%s"], "dataCategories": %s,
                 "description": "%s, the system tests' asset"}""".formatted(criticality, id, dataCategories, asset)),
                "inventory " + asset);
        requireSuccess(call("PUT", VigieService.NOTIFICATION, "/api/clients/" + id, "comms", """
                {"name": "%s", "minimumSeverity": "MEDIUM", "channels": ["EMAIL"], "outOfBand": false,
                 "contacts": [
                   {"id": "rssi", "name": "Claire Dubois", "role": "RSSI", "email": "%s", "language": "fr"},
                   {"id": "it", "name": "Sam Green", "role": "IT manager", "email": "%s", "language": "en"}]}
                """.formatted(label, client.frenchContact(), client.englishContact())), "client " + id);
        return client;
    }

    private static void requireSuccess(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    // ---- the webhooks ---------------------------------------------------------------------------------------------

    /** As Splunk's webhook alert action sends it: the first result row, the search's sid and name, owner and app. */
    public HttpResponse<String> postSplunk(String searchName, String host, String user, String sid) {
        return postSplunk(searchName, host, user, sid, Map.of());
    }

    /** The same, with more fields in the result row (e.g. {@code client}, which Splunk searches often carry). */
    public HttpResponse<String> postSplunk(String searchName, String host, String user, String sid,
                                           Map<String, String> moreFields) {
        Map<String, Object> result = new LinkedHashMap<>(Map.of("_time", (System.currentTimeMillis() / 1000) + ".000",
                "host", host, "user", user, "src", "203.0.113.45", "action", "failure", "count", "42",
                "urgency", "high", "tag", List.of("authentication"), "sourcetype", "WinEventLog:Security"));
        result.putAll(moreFields);
        String body = toJson(Map.of(
                "result", result,
                "sid", sid,
                "results_link", "https://splunk.soc.example:8000/app/search/@go?sid=" + sid,
                "search_name", searchName,
                "owner", "admin",
                "app", "search"));
        String url = stack.webhookSources().splunkUrl(stack.service(VigieService.ALERT_INTAKE).baseUrl());
        return post(url, null, body);
    }

    /** A Wazuh alert as the custom integration posts it: the alert JSON as is, the source's token as bearer. */
    public HttpResponse<String> postWazuh(String alertJson) {
        String url = stack.webhookSources().wazuhUrl(stack.service(VigieService.ALERT_INTAKE).baseUrl());
        return post(url, "Bearer " + stack.webhookSources().wazuhToken(), alertJson);
    }

    private HttpResponse<String> post(String url, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    // ---- the APIs -------------------------------------------------------------------------------------------------

    public LocalUsers.User user(String name) {
        return stack.users().users().get(name);
    }

    /** An API call as one of the local users (analyst, comms, manager, viewer). */
    public HttpResponse<String> call(String method, VigieService service, String path, String user, String json) {
        LocalUsers.User caller = user(user);
        String credentials = Base64.getEncoder().encodeToString(
                (caller.name() + ":" + caller.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.service(service).baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return send(request.build());
    }

    /** GET as the viewer; the body of a 200 answer, or null for any other (a 404 before the thing exists). */
    public JsonNode get(VigieService service, String path) {
        return json(call("GET", service, path, "viewer", null));
    }

    public HttpResponse<String> getAnonymous(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** The client's active cases in case-service, or null while it has none. */
    public JsonNode casesOf(Client client) {
        JsonNode cases = get(VigieService.CASE, "/api/cases?client=" + client.id());
        return cases == null || cases.isEmpty() ? null : cases;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- the mailbox ----------------------------------------------------------------------------------------------

    /** Every email the services sent so far, oldest first. */
    public List<MimeMessage> emails() {
        return stack.receivedMessages();
    }

    /** The emails to {@code address} whose subject starts with {@code subjectStart} ("" for all). */
    public List<MimeMessage> emailsTo(String address, String subjectStart) {
        try {
            List<MimeMessage> found = new ArrayList<>();
            for (MimeMessage message : emails()) {
                boolean toAddress = false;
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    toAddress |= ((InternetAddress) recipient).getAddress().equalsIgnoreCase(address);
                }
                if (toAddress && message.getSubject().startsWith(subjectStart)) {
                    found.add(message);
                }
            }
            return found;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part: what a contact reads in a mail client that shows no HTML. */
    public static String text(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws IOException, MessagingException {
        if (content instanceof String string) {
            return string;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart nested) {
                    String nestedText = text(nested);
                    if (!nestedText.isEmpty()) {
                        return nestedText;
                    }
                }
            }
        }
        return "";
    }

    // ---- the topics -----------------------------------------------------------------------------------------------

    /**
     * Every record on the topic so far that decodes into the generated event class, in partition then offset order;
     * records that do not decode (poison a test wrote) are left out, as the services' error handling leaves them.
     */
    public <V> List<ConsumerRecord<String, V>> records(TopicSpec<?> topic, Class<V> type) {
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl(), "specific.avro.reader", true), false);
        List<ConsumerRecord<String, V>> typed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : read(topic.name(), new StringDeserializer(), new ByteArrayDeserializer())) {
            Object value;
            try {
                value = values.deserialize(topic.name(), record.value());
            } catch (RuntimeException undecodable) {
                continue;
            }
            if (type.isInstance(value)) {
                typed.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(),
                        type.cast(value)));
            }
        }
        return typed;
    }

    /** Every record on the topic so far, as bytes (a dead-letter topic keeps the original bytes). */
    public List<ConsumerRecord<byte[], byte[]>> rawRecords(String topic) {
        return read(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private <K, V> List<ConsumerRecord<K, V>> read(String topic, Deserializer<K> keys, Deserializer<V> values) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(properties, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, List<ConsumerRecord<K, V>>> byPartition = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                    byPartition.computeIfAbsent(new TopicPartition(topic, record.partition()), p -> new ArrayList<>())
                            .add(record);
                }
            }
            List<ConsumerRecord<K, V>> all = new ArrayList<>();
            partitions.forEach(p -> all.addAll(byPartition.getOrDefault(p, List.of())));
            return all;
        }
    }

    /** A producer of raw bytes, for records no service would ever write. */
    public KafkaProducer<byte[], byte[]> rawProducer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * How many records of {@code topics} the consumer group has not committed yet, over every partition: a partition
     * the group never committed on counts from its start, so a group that has not begun is not mistaken for done.
     */
    public long lag(String group, Collection<String> topics) {
        return ConsumerLag.of(stack.kafkaBootstrapServers(), group, topics);
    }

    /** What every service group still has to read of the topics it consumes: 0 when the pipeline is idle. */
    public long pipelineLag() {
        return CONSUMED.entrySet().stream().mapToLong(e -> lag(e.getKey(), e.getValue())).sum();
    }

    private static final Map<String, List<String>> CONSUMED = Map.of(
            "triage-service", List.of(Topics.ALERT_RAISED, Topics.INCIDENT_RESOLVED, Topics.INCIDENT_CLOSED,
                    Topics.INCIDENT_UPDATED),
            "notification-service", List.of(Topics.ALERT_CLASSIFIED, Topics.INCIDENT_UPDATED, Topics.INCIDENT_RESOLVED,
                    Topics.INCIDENT_CLOSED),
            "case-service", List.of(Topics.ALERT_RAISED, Topics.ALERT_CLASSIFIED, Topics.CLIENT_NOTIFIED,
                    Topics.INCIDENT_CLOSED, Topics.CLIENT_MESSAGES, Topics.SURVEY_ANSWERED),
            "postmortem-service", List.of(Topics.ALERT_CLASSIFIED, Topics.CLIENT_NOTIFIED, Topics.INCIDENT_UPDATED,
                    Topics.INCIDENT_RESOLVED, Topics.CLIENT_MESSAGES, Topics.SURVEY_ANSWERED));

    // ---- an extra service context beside the stack ----------------------------------------------------------------

    /**
     * Starts another instance of a service from its application class, on this stack's broker, registry and mailbox,
     * with the given extra configuration classes and properties (which win over the defaults here). The caller closes
     * it.
     */
    public ConfigurableApplicationContext startService(SpringApplicationBuilder application, DatabaseSettings database,
                                                       List<Class<?>> extraSources, List<String> properties) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                // As the local stack does for its five: one JVM, several contexts.
                "--spring.jmx.enabled=false",
                "--management.metrics.use-global-registry=false",
                "--logging.register-shutdown-hook=false",
                "--logging.include-application-name=false",
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + stack.schemaRegistryUrl(),
                "--spring.mail.host=" + stack.smtpHost(),
                "--spring.mail.port=" + stack.smtpPort(),
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password()));
        arguments.addAll(stack.registryClientArguments());
        int index = 0;
        for (LocalUsers.User user : stack.users().users().values()) {
            arguments.add("--vigie.security.users[" + index + "].name=" + user.name());
            arguments.add("--vigie.security.users[" + index + "].password={noop}" + user.password());
            arguments.add("--vigie.security.users[" + index + "].roles=" + user.role());
            index++;
        }
        properties.forEach(property -> arguments.add("--" + property));
        return application.sources(extraSources.toArray(Class<?>[]::new))
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
