package io.vigie.postmortem;

import io.vigie.events.IncidentClosed;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.test.ServiceITSupport;
import io.vigie.test.TestUsers;
import io.vigie.test.VigieInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * What the integration tests share beyond test-support's {@link ServiceITSupport}: a scenario's events in, its draft,
 * the closed topic.
 */
@PostmortemServiceTest
abstract class PostmortemITSupport extends ServiceITSupport {

    static final String VIEWER = TestUsers.VIEWER;
    static final String ANALYST = TestUsers.ANALYST;
    static final String MANAGER = TestUsers.MANAGER;

    @Autowired
    JsonMapper json;

    void publish(Scenario s) throws Exception {
        send(Topics.ALERT_CLASSIFIED, s.incidentId(), s.classified());
        send(Topics.CLIENT_NOTIFIED, s.incidentId(), s.failedNotice());
        send(Topics.CLIENT_NOTIFIED, s.incidentId(), s.firstNotice());
        send(Topics.CLIENT_NOTIFIED, s.incidentId(), s.acknowledged());
        send(Topics.INCIDENT_UPDATED, s.incidentId(), s.actionTaken());
        send(Topics.INCIDENT_RESOLVED, s.incidentId(), s.resolved());
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
