package io.vigie.bench.serde;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigie.events.AlertRaised;
import io.vigie.events.Indicator;
import io.vigie.events.IndicatorType;
import io.vigie.events.Link;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.platform.kafka.serde.AvroSerializer;
import io.vigie.platform.kafka.serde.ConfluentRegistryClient;
import io.vigie.platform.registry.SchemaRegistryServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What one AlertRaised costs on the wire: Avro in Confluent's frame, through the real serde and a real registry,
 * against Jackson JSON of the same data. Prints the encoded sizes and the registry calls made after warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerdeBenchmark {

    private SchemaRegistryServer registry;
    private ConfluentRegistryClient producerClient;
    private ConfluentRegistryClient consumerClient;
    private AvroSerializer avroSerializer;
    private AvroDeserializer avroDeserializer;
    private ObjectMapper json;
    private AlertRaised alert;
    private AlertRaisedJson alertJson;
    private byte[] avroBytes;
    private byte[] jsonBytes;
    private long requestsAfterWarmUp;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path data = Files.createTempDirectory("vigie-bench-registry");
        registry = SchemaRegistryServer.start(data);
        producerClient = new ConfluentRegistryClient(registry.url(), null, Duration.ofSeconds(10));
        consumerClient = new ConfluentRegistryClient(registry.url(), null, Duration.ofSeconds(10));
        avroSerializer = new AvroSerializer(producerClient);
        avroDeserializer = new AvroDeserializer(consumerClient, true);
        json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        alert = sampleAlert();
        alertJson = AlertRaisedJson.of(alert);
        avroBytes = avroSerializer.serialize(Topics.ALERT_RAISED, alert);
        avroDeserializer.deserialize(Topics.ALERT_RAISED, avroBytes);
        jsonBytes = json.writeValueAsBytes(alertJson);
        requestsAfterWarmUp = producerClient.requestCount() + consumerClient.requestCount();
        System.out.printf("%nAlertRaised encoded: Avro+Confluent frame %d bytes, Jackson JSON %d bytes%n",
                avroBytes.length, jsonBytes.length);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long calls = producerClient.requestCount() + consumerClient.requestCount() - requestsAfterWarmUp;
        System.out.printf("%nSchema registry HTTP calls after warm-up, over every measured record: %d%n", calls);
        registry.close();
    }

    @Benchmark
    public byte[] avroSerialize() {
        return avroSerializer.serialize(Topics.ALERT_RAISED, alert);
    }

    @Benchmark
    public Object avroDeserialize() {
        return avroDeserializer.deserialize(Topics.ALERT_RAISED, avroBytes);
    }

    @Benchmark
    public byte[] jsonSerialize() throws Exception {
        return json.writeValueAsBytes(alertJson);
    }

    @Benchmark
    public Object jsonDeserialize() throws Exception {
        return json.readValue(jsonBytes, AlertRaisedJson.class);
    }

    static AlertRaised sampleAlert() {
        Instant now = Instant.parse("2026-11-23T08:15:30.123Z");
        return AlertRaised.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("alert-intake-service")
                .setAlertId(UUID.randomUUID()).setSource(SourceKind.SPLUNK).setSourceName("splunk-paris")
                .setSourceReference("scheduler__admin__search__RMD5f1c3d1b5f8a2a9_at_1763885730_4242")
                .setFingerprint("4f1c0e3b9d2a7c6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e")
                .setTitle("Account locked after 12 failed logins")
                .setDescription("12 failed logins for j.dupont on dc01 within 5 minutes, then the account locked")
                .setSourceSeverity("high").setSeverityHint(Severity.HIGH)
                .setDetectedAt(now.minusSeconds(42)).setReceivedAt(now)
                .setAsset("dc01.client-a.example").setService("active-directory")
                .setAccounts(List.of("j.dupont")).setIpAddresses(List.of("203.0.113.7", "198.51.100.23"))
                .setIndicators(List.of(new Indicator(IndicatorType.IP, "203.0.113.7")))
                .setTags(List.of("authentication", "brute-force"))
                .setLinks(List.of(new Link("Splunk results",
                        "https://splunk.client-a.example/app/search/search?sid=scheduler__admin_4242")))
                .setClientHint("client-a")
                .setAttributes(Map.of("failed_logins", "12", "src_country", "NL", "user_agent", "python-requests/2.31"))
                .build();
    }

    /**
     * The same alert as a plain JSON document, as a JSON-over-Kafka design would publish it.
     * Wide: one field per field of the AlertRaised schema, so the benchmark compares the same document in both formats.
     */
    public record AlertRaisedJson(UUID eventId, Instant occurredAt, String producer, UUID alertId, String source,
                                  String sourceName, String sourceReference, String fingerprint,
                                  boolean resolvedBySource, String title, String description, String sourceSeverity,
                                  String severityHint, Instant detectedAt, Instant receivedAt, String asset,
                                  String service, List<String> accounts, List<String> ipAddresses,
                                  List<Map<String, String>> indicators, List<String> tags,
                                  List<Map<String, String>> links, String clientHint, Map<String, String> attributes) {

        static AlertRaisedJson of(AlertRaised a) {
            return new AlertRaisedJson(a.getEventId(), a.getOccurredAt(), a.getProducer(), a.getAlertId(),
                    a.getSource().name(), a.getSourceName(), a.getSourceReference(), a.getFingerprint(),
                    a.getResolvedBySource(), a.getTitle(), a.getDescription(), a.getSourceSeverity(),
                    a.getSeverityHint() == null ? null : a.getSeverityHint().name(), a.getDetectedAt(),
                    a.getReceivedAt(), a.getAsset(), a.getService(), a.getAccounts(), a.getIpAddresses(),
                    a.getIndicators().stream().map(i -> Map.of("type", i.getType().name(), "value", i.getValue()))
                            .toList(),
                    a.getTags(),
                    a.getLinks().stream().map(l -> Map.of("label", l.getLabel(), "url", l.getUrl())).toList(),
                    a.getClientHint(), a.getAttributes());
        }
    }
}
