package io.vigie.intake;

import io.vigie.events.AlertRaised;
import io.vigie.events.Topics;
import io.vigie.intake.source.SourceAuthenticator;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.test.VigieInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The running service on the real broker, registry and PostgreSQL, with one source of each kind (prometheus-prod bound
 * to one client, soar to two, wazuh-lyon with a client hint and no binding, the others SOC-wide). Every IT class
 * extends this unchanged, so they all share one Spring context. Each test uses its own ids ({@link #newId()}), so
 * tests never see each other's alerts on the shared topic.
 */
@IntakeServiceTest
public abstract class IntakeITSupport {

    protected static final String SPLUNK_TOKEN = "splunk-token-7f3a9c";
    protected static final String ALERTMANAGER_TOKEN = "am-token-51d2";
    protected static final String WAZUH_TOKEN = "wazuh-token-e81b";
    protected static final String KIBANA_TOKEN = "kibana-token-0c44";
    protected static final String GENERIC_TOKEN = "generic-token-9d17";
    protected static final String OLD_SECRET = "old-hmac-secret-2f8e";
    protected static final String NEW_SECRET = "new-hmac-secret-a6c3";

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static String newId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A payload under {@code src/test/resources/payloads/}, as the tool sends it, with {@code {{id}}} made unique. */
    protected static String payload(String name, String id) {
        try (InputStream in = IntakeITSupport.class.getResourceAsStream("/payloads/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{id}}", id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected HttpResponse<String> post(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        boolean contentType = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            contentType |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!contentType) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> post(String path, String body, String... headers) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    protected HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A generic API request signed as a sender would: HMAC-SHA256 over "timestamp.body". */
    protected HttpResponse<String> postSigned(String body, String secret, Instant signedAt) {
        long timestamp = signedAt.getEpochSecond();
        return post("/api/v1/alerts", body, "X-Vigie-Source", "soar",
                SourceAuthenticator.TIMESTAMP_HEADER, String.valueOf(timestamp),
                SourceAuthenticator.SIGNATURE_HEADER,
                SourceAuthenticator.signature(secret, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A record of the AlertRaised topic as a consumer sees it. */
    protected record Published(String key, AlertRaised event) {
    }

    /**
     * Every AlertRaised on the topic up to its current end that matches. Exact, not eventual: the service answers
     * only after the broker acknowledged, so whatever a request published is already below the end offsets.
     */
    protected List<Published> published(Predicate<AlertRaised> filter) {
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", infrastructure.schemaRegistryUrl(),
                "specific.avro.reader", "true"), false);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERT_RAISED).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Published> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() instanceof AlertRaised event && filter.test(event)) {
                        found.add(new Published(record.key(), event));
                    }
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
            return found;
        }
    }

    protected List<Published> publishedFrom(String sourceName, String referenceContains) {
        return published(event -> event.getSourceName().equals(sourceName)
                && event.getSourceReference().contains(referenceContains));
    }

    protected long rows(String table, String where, Object... args) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Long.class, args);
    }
}
