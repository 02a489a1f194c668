package io.vigie.notification.directory;

import io.vigie.events.ClientDirectoryChange;
import io.vigie.events.ClientDirectoryChanged;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue "An analyst's day without friction", 2: every change of the client directory is published, keyed by client,
 * for triage to check its inventory against; the clients saved before the event existed are published once.
 */
class DirectoryEventsIT extends NotificationIntegrationTest {

    @Test
    void shouldPublishEachClientSavedOrRemovedThroughTheApiKeyedByClient() throws Exception {
        String id = unique("dir");

        // when communications create the client, change it, and a manager removes it
        assertThat(send("PUT", "/api/clients/" + id, "comms", client("ACME", "en")).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/clients/" + id, "comms", client("ACME Corp", "de")).statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", "/api/clients/" + id, "manager", null).statusCode()).isEqualTo(204);

        // then the topic holds the three changes in order, keyed by the client, with no contact detail
        List<ConsumerRecord<String, ClientDirectoryChanged>> records = awaitDirectory(id, 3);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(id);
        assertThat(records).extracting(record -> record.value().getChange()).containsExactly(
                ClientDirectoryChange.SAVED, ClientDirectoryChange.SAVED, ClientDirectoryChange.REMOVED);
        ClientDirectoryChanged changed = records.get(1).value();
        assertThat(changed.getName()).isEqualTo("ACME Corp");
        assertThat(changed.getLanguages()).containsExactly("de", "fr");
        assertThat(changed.getProducer()).isEqualTo("notification-service");
        assertThat(changed.toString()).doesNotContain("@", "+33");
        assertThat(records.get(2).value().getName()).isNull();
    }

    @Test
    void shouldPublishOnceAClientSavedBeforeTheDirectoryWasPublished() throws Exception {
        // given a client as a version without the event left it: saved, never published
        String id = unique("old");
        assertThat(send("PUT", "/api/clients/" + id, "comms", client("Initech", "fr")).statusCode()).isEqualTo(200);
        awaitDirectory(id, 1);
        jdbc.update("UPDATE client SET directory_published_at = NULL WHERE id = ?", id);

        // when the startup publication runs, twice (a restart, or two instances)
        assertThat(directory.publishUnpublished()).isGreaterThanOrEqualTo(1);
        directory.publishUnpublished();

        // then it is published once more, once
        assertThat(awaitDirectory(id, 2)).hasSize(2);
        String sentinel = unique("sentinel");
        assertThat(send("PUT", "/api/clients/" + sentinel, "comms", client("S", "en")).statusCode()).isEqualTo(200);
        awaitDirectory(sentinel, 1);
        assertThat(awaitDirectory(id, 2)).hasSize(2);
    }

    private static String client(String name, String secondLanguage) {
        return """
                {"name": "%s", "minimumSeverity": "LOW", "channels": ["EMAIL"], "outOfBand": false,
                 "contacts": [{"id": "a", "name": "A", "email": "a@acme.example", "phone": "+33 6 12 34 56 78",
                               "language": "%s"},
                              {"id": "b", "name": "B", "email": "b@acme.example", "language": "%s"},
                              {"id": "c", "name": "C", "email": "c@acme.example", "language": "fr"}]}"""
                .formatted(name, secondLanguage, secondLanguage);
    }

    /** Reads the directory topic from the start until it holds at least {@code count} records of the client. */
    private static List<ConsumerRecord<String, ClientDirectoryChanged>> awaitDirectory(String clientId, int count) {
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", INFRASTRUCTURE.schemaRegistryUrl(),
                "specific.avro.reader", "true"), false);
        List<ConsumerRecord<String, ClientDirectoryChanged>> found = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRASTRUCTURE.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "directory-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.CLIENT_DIRECTORY));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof ClientDirectoryChanged changed
                            && changed.getClientId().equals(clientId)) {
                        found.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
                                record.key(), changed));
                    }
                }
                return found.size() >= count;
            });
            // Whatever else arrives within a short while would be a duplicate: read it too.
            for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() instanceof ClientDirectoryChanged changed && changed.getClientId().equals(clientId)) {
                    found.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
                            record.key(), changed));
                }
            }
        }
        return found;
    }
}
