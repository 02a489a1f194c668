package io.vigie.postmortem;

import io.vigie.events.IncidentClosed;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.test.VigieInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** What the integration tests share: the started service, events in, HTTP calls as each role, the closed topic. */
@PostmortemServiceTest
abstract class PostmortemITSupport {

    static final String VIEWER = "viewer";
    static final String ANALYST = "analyst";
    static final String MANAGER = "manager";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    void publish(Scenario s) throws Exception {
        send(Topics.ALERT_CLASSIFIED, s.incidentId(), s.classified());
        send(Topics.CLIENT_NOTIFIED, s.incidentId(), s.failedNotice());
        send(Topics.CLIENT_NOTIFIED, s.incidentId(), s.firstNotice());
        send(Topics.CLIENT_NOTIFIED, s.incidentId(), s.acknowledged());
        send(Topics.INCIDENT_UPDATED, s.incidentId(), s.actionTaken());
        send(Topics.INCIDENT_RESOLVED, s.incidentId(), s.resolved());
    }

    void send(String topic, UUID incidentId, Object event) throws Exception {
        kafka.send(topic, incidentId.toString(), event).get(30, TimeUnit.SECONDS);
    }

    /** Publishes the scenario and waits until its draft shows everything the events said. */
    JsonNode drafted(Scenario s) throws Exception {
        publish(s);
        return await().atMost(Duration.ofSeconds(60)).until(() -> draftOf(s.incidentId()),
                draft -> draft.isPresent() && draft.get().get("timeline").size() == 6).orElseThrow();
    }

    Optional<JsonNode> draftOf(UUID incidentId) throws Exception {
        HttpResponse<String> response = call("GET", "/api/incidents/" + incidentId + "/postmortem", VIEWER, null);
        return response.statusCode() == 200 ? Optional.of(json.readTree(response.body())) : Optional.empty();
    }

    HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    /** The IncidentClosed events for one incident, read from the topic as any consumer would. */
    static List<IncidentClosed> awaitClosed(UUID incidentId) {
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", infrastructure.schemaRegistryUrl(),
                "specific.avro.reader", "true"), false);
        java.util.ArrayList<IncidentClosed> received = new java.util.ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "postmortem-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.INCIDENT_CLOSED));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof IncidentClosed closed && closed.getIncidentId().equals(incidentId)) {
                        received.add(closed);
                    }
                }
                return !received.isEmpty();
            });
        }
        return received;
    }
}
