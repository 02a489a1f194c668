package io.vigie.triage.benchmark;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.Indicator;
import io.vigie.events.IndicatorType;
import io.vigie.events.SourceKind;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.test.VigieInfrastructure;
import io.vigie.triage.TriageIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not part of {@code verify} (the name matches neither *Test nor *IT); run it with
 * {@code mvn -o -pl triage-service verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TriageBenchmark}.
 * It measures and prints; it asserts only that every alert was handled, never a timing.
 */
class TriageBenchmark extends TriageIntegrationTest {

    private static final int ASSETS = 10_000;
    private static final int INDICATORS = 100_000;
    private static final int BACKLOG = Integer.getInteger("triage.benchmark.alerts", 10_000);
    private static final int STORM = Integer.getInteger("triage.benchmark.storm", 10_000);
    private static final int PACED = Integer.getInteger("triage.benchmark.paced", 3_000);
    private static final int PACED_RATE = Integer.getInteger("triage.benchmark.rate", 100);

    private static final String[] TITLES = {
            "Account %s locked after 7 failed logins", "Unauthorized access to database on %s",
            "Personal data exfiltration detected from %s", "DDoS: SYN flood against %s", "Trojan detected on %s",
            "InstanceDown: %s is unreachable", "Configuration backup completed on %s"};

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    private final Random random = new Random(42);

    @Test
    void measureClassificationsPerSecondWithALargeInventoryAndThreatList() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        StringBuilder inventory = new StringBuilder("name,kind,criticality,clients,dataCategories\n");
        String[] criticality = {"CRITICAL", "HIGH", "MEDIUM", "LOW"};
        String[] data = {"PERSONAL", "FINANCIAL", "OPERATIONAL", "CREDENTIALS;PERSONAL", "HEALTH"};
        for (int i = 0; i < ASSETS; i++) {
            inventory.append("bench-").append(run).append('-').append(i).append(",ASSET,").append(criticality[i % 4])
                    .append(",client-").append(i % 500).append(',').append(data[i % 5]).append('\n');
        }
        assertThat(send("POST", "/api/inventory/import", MANAGER, "text/csv", inventory.toString()).statusCode()).isEqualTo(200);
        System.out.printf("benchmark: imported %,d assets in %,d ms%n", ASSETS, (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        StringBuilder indicators = new StringBuilder("type,value,description\n");
        for (int i = 0; i < INDICATORS; i++) {
            indicators.append(i % 2 == 0 ? "IP," + ip(i) : "FILE_HASH," + UUID.nameUUIDFromBytes(("h" + i).getBytes()))
                    .append(",feed\n");
        }
        assertThat(send("POST", "/api/indicators/import", MANAGER, "text/csv", indicators.toString()).statusCode()).isEqualTo(200);
        System.out.printf("benchmark: imported %,d indicators in %,d ms%n", INDICATORS, (System.nanoTime() - start) / 1_000_000);

        // 1. Many assets: a backlog of alerts waits on the topic, then triage drains it.
        double manyAssets = drain(BACKLOG, () -> randomAlert(run));
        System.out.printf("benchmark: backlog of %,d alerts over %,d assets classified in %.1f s = %,.0f classifications/s "
                + "(%,d indicators, default policy, listener concurrency %s, load average %s)%n", BACKLOG, ASSETS,
                BACKLOG / manyAssets, manyAssets, INDICATORS,
                System.getProperty("spring.kafka.listener.concurrency", "1"), loadAverage());
        print("vigie.triage.classify", "poll -> commit, per alert");
        print("vigie.triage.batch.size", "alerts per poll and transaction");
        print("vigie.outbox.delay", "commit -> broker ack of AlertClassified");

        // 2. A storm about one asset: every alert on one partition, all joining one incident.
        if (STORM > 0) {
            String asset = "bench-" + run + "-storm";
            long publishedBefore = published();
            double rate = drain(STORM, () -> alert(a -> a.setSource(SourceKind.SPLUNK).setAsset(asset)
                    .setTitle("Trojan detected on " + asset).setTags(List.of("malware")).setReceivedAt(Instant.now())));
            Map<String, Object> incident = jdbc.queryForMap("SELECT COUNT(*) AS incidents, MAX(alert_count) AS alerts "
                    + "FROM incident WHERE id IN (SELECT incident_id FROM correlation_key WHERE correlation_key = ?)",
                    "asset:" + asset + ":MALWARE");
            System.out.printf("benchmark: storm of %,d alerts about one asset classified in %.1f s = %,.0f "
                    + "classifications/s -> %s incident(s) of %s alerts, %,d AlertClassified to publish "
                    + "(load average %s)%n", STORM, STORM / rate, rate, incident.get("incidents"), incident.get("alerts"),
                    published() - publishedBefore, loadAverage());
            print("vigie.triage.batch.size", "alerts per poll and transaction");
        }
        long handledBefore = handled();
        if (PACED == 0) {
            return;
        }

        // 3. Latency at a steady pace: AlertRaised acknowledged by the broker -> AlertClassified acknowledged.
        Map<UUID, Long> sentAt = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = classifiedConsumer()) {
            consumer.subscribe(List.of(Topics.ALERT_CLASSIFIED));
            await().until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return !consumer.assignment().isEmpty();
            });
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            long interval = 1_000_000_000L / PACED_RATE;
            long next = System.nanoTime();
            for (int i = 0; i < PACED; i++) {
                while (System.nanoTime() < next) {
                    drain(consumer, sentAt, latencies, Duration.ofMillis(1));
                }
                next += interval;
                AlertRaised alert = randomAlert(run);
                kafka.send(Topics.ALERT_RAISED, alert.getAsset(), alert).whenComplete(
                        (result, error) -> {
                            synchronized (sentAt) {
                                sentAt.put(alert.getAlertId(), result.getRecordMetadata().timestamp());
                            }
                        });
            }
            await().atMost(Duration.ofMinutes(5)).until(() -> {
                drain(consumer, sentAt, latencies, Duration.ofMillis(100));
                return latencies.size() >= PACED * 9 / 10 && handled() - handledBefore >= PACED;
            });
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("benchmark: %,d alerts at %d/s: AlertRaised acked -> AlertClassified acked: p50 %d ms, "
                        + "p99 %d ms, max %d ms (%,d published classifications measured)%n", PACED, PACED_RATE,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1], sorted.length);
    }

    /**
     * Pauses the listeners (they keep their partitions, so no rebalance is timed), puts {@code count} alerts on the
     * topic, resumes them and waits until every alert is classified; returns classifications per second.
     */
    private double drain(int count, Supplier<AlertRaised> alerts) {
        listeners.getListenerContainers().forEach(MessageListenerContainer::pause);
        await().atMost(Duration.ofMinutes(2)).until(() -> listeners.getListenerContainers().stream()
                .allMatch(MessageListenerContainer::isContainerPaused));
        long before = handled();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AlertRaised alert = alerts.get();
            sent.add(kafka.send(Topics.ALERT_RAISED, alert.getAsset(), alert));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        long start = System.nanoTime();
        listeners.getListenerContainers().forEach(MessageListenerContainer::resume);
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> handled() - before >= count);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private long published() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM incident_alert WHERE published = TRUE", Long.class);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private void drain(KafkaConsumer<String, Object> consumer, Map<UUID, Long> sentAt, List<Long> latencies,
                       Duration timeout) {
        for (ConsumerRecord<String, Object> record : consumer.poll(timeout)) {
            AlertClassified classified = (AlertClassified) record.value();
            Long sent;
            synchronized (sentAt) {
                sent = sentAt.get(classified.getAlertId());
            }
            if (sent != null) {
                latencies.add(record.timestamp() - sent);
            }
        }
    }

    private KafkaConsumer<String, Object> classifiedConsumer() {
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", infrastructure.schemaRegistryUrl(), "specific.avro.reader", "true"), false);
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "triage-benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), values);
    }

    private AlertRaised randomAlert(String run) {
        String asset = "bench-" + run + "-" + random.nextInt(ASSETS);
        String title = TITLES[random.nextInt(TITLES.length)].formatted(asset);
        // one alert in twenty carries a known-bad address, the others an unknown one
        String address = random.nextInt(20) == 0 ? ip(2 * random.nextInt(INDICATORS / 2)) : "192.0.2." + random.nextInt(250);
        return alert(a -> a.setSource(title.startsWith("InstanceDown") ? SourceKind.ALERTMANAGER : SourceKind.SPLUNK)
                .setTitle(title).setAsset(asset).setIpAddresses(List.of(address))
                .setIndicators(List.of(new Indicator(IndicatorType.DOMAIN, "cdn" + random.nextInt(1000) + ".example")))
                .setReceivedAt(Instant.now()));
    }

    private long handled() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM incident_alert", Long.class);
    }

    /** A timer's or a summary's figures since the start of the run. */
    private void print(String meter, String what) {
        Timer timer = meters.find(meter).timer();
        DistributionSummary summary = meters.find(meter).summary();
        if (timer != null) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            System.out.printf("benchmark: %s (%s): count %,d, mean %.2f ms, max %.1f ms, percentiles %s%n", meter, what,
                    snapshot.count(), snapshot.mean(TimeUnit.MILLISECONDS), snapshot.max(TimeUnit.MILLISECONDS),
                    Arrays.toString(snapshot.percentileValues()));
        } else if (summary != null) {
            HistogramSnapshot snapshot = summary.takeSnapshot();
            System.out.printf("benchmark: %s (%s): count %,d, mean %.1f, max %.0f%n", meter, what, snapshot.count(),
                    snapshot.mean(), snapshot.max());
        }
    }

    private static String ip(int i) {
        return "10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
