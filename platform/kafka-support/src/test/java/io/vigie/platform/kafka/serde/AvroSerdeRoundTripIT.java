package io.vigie.platform.kafka.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.AlertRaised;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.KafkaTestClients;
import io.vigie.platform.kafka.TestEvents;
import io.vigie.test.VigieInfrastructure;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An event through the real broker and the real registry, as two services would exchange it. */
class AvroSerdeRoundTripIT {

    private final VigieInfrastructure infrastructure = VigieInfrastructure.shared();

    @Test
    void shouldDeliverAnEqualAlertRaisedFramedWithTheIdTheRegistryAssigned() throws Exception {
        // given
        String topic = "roundtrip-" + UUID.randomUUID();
        AlertRaised alert = TestEvents.lockedAccountAlert("Account locked after 12 failed logins");

        // when
        try (KafkaProducer<String, Object> producer = avroProducer()) {
            producer.send(new ProducerRecord<>(topic, alert.getAsset(), alert)).get();
        }

        // then the bytes on the topic are Confluent's frame with the id the registry gave the subject
        int registeredId = latestId(topic + "-value");
        try (var consumer = KafkaTestClients.rawConsumer(infrastructure.kafkaBootstrapServers(), topic)) {
            byte[] value = KafkaTestClients.awaitRecords(consumer, 1).get(0).value();
            ByteBuffer frame = ByteBuffer.wrap(value);
            assertThat(frame.get()).isZero();
            assertThat(frame.getInt()).isEqualTo(registeredId);
        }
        // and a consumer with the generated classes reads an equal record
        try (var consumer = KafkaTestClients.consumer(infrastructure.kafkaBootstrapServers(),
                specificDeserializer(), topic)) {
            ConsumerRecord<String, Object> record = KafkaTestClients.awaitRecords(consumer, 1).get(0);
            assertThat(record.key()).isEqualTo("dc01.client-a.example");
            assertThat(record.value()).isInstanceOf(AlertRaised.class).isEqualTo(alert);
        }
    }

    @Test
    void shouldReadTheSameBytesAsAGenericRecordWithoutTheGeneratedClasses() throws Exception {
        String topic = "generic-" + UUID.randomUUID();
        AlertRaised alert = TestEvents.lockedAccountAlert("Account locked");
        try (KafkaProducer<String, Object> producer = avroProducer()) {
            producer.send(new ProducerRecord<>(topic, alert.getAsset(), alert)).get();
        }

        AvroDeserializer generic = new AvroDeserializer();
        generic.configure(Map.of("schema.registry.url", infrastructure.schemaRegistryUrl()), false);
        try (var consumer = KafkaTestClients.consumer(infrastructure.kafkaBootstrapServers(), generic, topic)) {
            Object value = KafkaTestClients.awaitRecords(consumer, 1).get(0).value();
            assertThat(value).isInstanceOf(GenericRecord.class).isNotInstanceOf(AlertRaised.class);
            GenericRecord record = (GenericRecord) value;
            assertThat(record.get("title").toString()).isEqualTo("Account locked");
            assertThat(record.get("eventId").toString()).isEqualTo(alert.getEventId().toString());
            assertThat(record.get("occurredAt")).isEqualTo(alert.getOccurredAt().toEpochMilli());
        }
    }

    @Test
    void shouldRegisterUnderTheTopicNameStrategySubject() throws Exception {
        try (KafkaProducer<String, Object> producer = avroProducer()) {
            producer.send(new ProducerRecord<>(Topics.ALERT_RAISED, "k",
                    TestEvents.lockedAccountAlert("subject check"))).get();
        }
        assertThat(registryGet("/subjects/" + Topics.ALERT_RAISED + "-value/versions/latest").get("schema").asText())
                .isEqualTo(AlertRaised.getClassSchema().toString());
    }

    private KafkaProducer<String, Object> avroProducer() {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(Map.of("schema.registry.url", infrastructure.schemaRegistryUrl()), false);
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), serializer);
    }

    private AvroDeserializer specificDeserializer() {
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", infrastructure.schemaRegistryUrl(),
                "specific.avro.reader", "true"), false);
        return deserializer;
    }

    private int latestId(String subject) throws Exception {
        return registryGet("/subjects/" + subject + "/versions/latest").get("id").asInt();
    }

    private JsonNode registryGet(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(infrastructure.schemaRegistryUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
