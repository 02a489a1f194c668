package io.vigie.triage;

import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.test.ServiceITSupport;
import io.vigie.test.VigieInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on the real broker, registry and PostgreSQL, one Spring context for every triage IT (same
 * configuration, so the context is cached and shared). Tests keep apart by using their own asset names and source
 * references (correlation would otherwise join one test's alerts to another's incident), and read AlertClassified
 * from the topic as notification-service would.
 */
// Started through main(), so the tests run with the service's own triage.yml.
@TriageServiceTest
public abstract class TriageIntegrationTest extends ServiceITSupport {

    protected static final String VIEWER = "vera";
    protected static final String MANAGER = "max";
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Queue<AlertClassified> CLASSIFIED = new ConcurrentLinkedQueue<>();
    private static volatile boolean reading;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void readClassifications() {
        startReadingClassifications();
    }

    /**
     * A new inventory entry with a name of its own, so that no other test's alerts correlate with this test's:
     * {@code knownAsset("crm-db", "ASSET", "CRITICAL", "acme;globex", "PERSONAL;FINANCIAL")}.
     */
    protected String knownAsset(String prefix, String kind, String criticality, String clients, String dataCategories)
            throws Exception {
        String name = prefix + "-" + UUID.randomUUID();
        String csv = "name,kind,criticality,clients,dataCategories\n" + name + "," + kind + "," + criticality + ","
                + clients + "," + dataCategories + "\n";
        HttpResponse<String> response = send("POST", "/api/inventory/import", MANAGER, "text/csv", csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return name;
    }

    /** An AlertRaised as intake would publish it: generic, unique ids, detected now; change what the test needs. */
    protected static AlertRaised alert(Consumer<AlertRaised.Builder> changes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AlertRaised.Builder builder = AlertRaised.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("alert-intake-service")
                .setAlertId(UUID.randomUUID()).setSource(SourceKind.GENERIC).setSourceName("test")
                .setSourceReference(UUID.randomUUID().toString()).setFingerprint("fp").setTitle("Something happened")
                .setSeverityHint(Severity.MEDIUM).setDetectedAt(now).setReceivedAt(now);
        changes.accept(builder);
        return builder.build();
    }

    protected void publish(AlertRaised alert) {
        String key = alert.getAsset() != null ? alert.getAsset() : alert.getSourceReference();
        kafka.send(Topics.ALERT_RAISED, key, alert).join();
    }

    /** Every AlertClassified published about this alert so far. */
    protected static List<AlertClassified> classificationsOf(UUID alertId) {
        return CLASSIFIED.stream().filter(event -> event.getAlertId().equals(alertId)).toList();
    }

    protected static List<AlertClassified> classificationsOfIncident(UUID incidentId) {
        return CLASSIFIED.stream().filter(event -> event.getIncidentId().equals(incidentId)).toList();
    }

    /** Every AlertClassified published so far whose incident involves this asset. */
    protected static List<AlertClassified> classificationsOfAsset(String asset) {
        return CLASSIFIED.stream().filter(event -> event.getAffectedAssets().contains(asset)).toList();
    }

    protected static AlertClassified awaitClassification(AlertRaised alert) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !classificationsOf(alert.getAlertId()).isEmpty());
        return classificationsOf(alert.getAlertId()).get(0);
    }

    protected static List<String> rules(AlertClassified event) {
        return event.getRationale().stream().map(rule -> rule.getRuleId()).toList();
    }

    protected HttpResponse<String> send(String method, String path, String user, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            String password = user.equals(MANAGER) ? "manager-secret" : "viewer-secret";
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode getJson(String path, String user) throws Exception {
        HttpResponse<String> response = send("GET", path, user, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static synchronized void startReadingClassifications() {
        if (reading) {
            return;
        }
        reading = true;
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", infrastructure.schemaRegistryUrl(),
                "specific.avro.reader", "true"), false);
        KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "triage-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values);
        consumer.subscribe(List.of(Topics.ALERT_CLASSIFIED));
        Thread reader = new Thread(() -> {
            while (true) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> CLASSIFIED.add((AlertClassified) record.value()));
            }
        }, "alert-classified-reader");
        reader.setDaemon(true);
        reader.start();
    }
}
