package io.vigie.triage.incident;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.RuleFired;
import io.vigie.events.SourceKind;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.autoconfigure.VigieKafkaAutoConfiguration;
import io.vigie.test.VigieInfrastructure;
import io.vigie.triage.TriageIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alerts of one poll are classified in one transaction. These tests hold the listener (paused, it keeps its
 * partitions), put a whole sequence on one partition and let it go, so the sequence arrives as one batch: its
 * outcomes must be those of the same sequence handled one alert at a time, and a bad record in the middle must
 * be dead-lettered alone while every other record is classified exactly once.
 */
class BatchClassificationIT extends TriageIntegrationTest {

    private static final int PARTITION = 0;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldPublishTheSameClassificationsForABatchAsForTheSameAlertsOneByOne() throws Exception {
        // given the same sequence twice, on assets of their own: several incidents, escalations by severity and by
        // scope, a source-resolved alert without an incident, a storm past publish-all-up-to, and redeliveries
        Scenario oneByOne = scenario("one");
        Scenario batch = scenario("batch");

        // when the first is handled one alert per poll, the second as one poll
        for (AlertRaised alert : oneByOne.records) {
            long offset = send(alert);
            await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset() > offset);
        }
        double batchesBefore = batchSizes().count();
        double recordsBefore = batchSizes().totalAmount();
        inOnePoll(() -> {
            batch.records.forEach(this::send);
            return null;
        });
        long replayed = send(batch.records.get(0)); // and a replay once it was all handled
        await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset() > replayed);

        // then
        // (a poll normally takes the whole sequence; the consumer may split it, but not into one poll per record)
        assertThat(batchSizes().totalAmount() - recordsBefore).isEqualTo(batch.records.size() + 1);
        assertThat(batchSizes().count() - batchesBefore).as("polls for the batch and the replay")
                .isLessThan(batch.records.size() / 2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(oneByOne.view())
                .extracting(line -> line.split(" ")[1])
                .containsExactly(
                "a1:OPENED", "b1:OPENED", "a2:ESCALATED", "b2:ESCALATED", "a1:-", "c1:-", "c2:OPENED", "a3:ATTACHED",
                "a2-again:-", "a3:-",
                "d1:OPENED", "d2:ATTACHED", "d3:ATTACHED", "d4:ATTACHED", "d5:ATTACHED", "d6:ATTACHED", "d7:ATTACHED",
                "d8:ATTACHED", "d9:ATTACHED", "d10:ATTACHED", "d11:-", "d12:-"));
        List<String> expected = oneByOne.view();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(batch.view()).isEqualTo(expected));
        assertThat(batch.incidents()).isEqualTo(oneByOne.incidents()).containsExactly(
                "incident 1: 3 alerts", "incident 2: 2 alerts", "incident 3: 1 alerts", "incident 4: 12 alerts");
    }

    @Test
    void shouldDeadLetterAnUnreadableRecordInTheMiddleOfABatchAndClassifyTheOthersOnce() throws Exception {
        // given
        String asset = "poison-" + UUID.randomUUID();
        List<AlertRaised> alerts = malwareOn(asset, 4);
        byte[] poison = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        String poisonKey = "poison-key-" + UUID.randomUUID();
        double deadBefore = deadLetters();

        // when
        long poisonOffset = inOnePoll(() -> {
            send(alerts.get(0));
            send(alerts.get(1));
            long at = sendRaw(poisonKey, poison);
            send(alerts.get(2));
            send(alerts.get(3));
            return at;
        });

        // then
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poisonKey);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(ByteBuffer.wrap(dead.headers().lastHeader("kafka_dlt-original-offset").value()).getLong())
                .isEqualTo(poisonOffset);
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertClassifiedOnceAsOneIncident(alerts);
        assertThat(deadLetters() - deadBefore).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterARecordWhoseClassificationFailsAloneAndClassifyTheRestOfItsBatchOnce() throws Exception {
        // given four alerts about one asset and, among them, an alert about another asset that opens an incident
        // PostgreSQL cannot store: a text value may not contain the NUL character
        String asset = "failing-" + UUID.randomUUID();
        List<AlertRaised> alerts = malwareOn(asset, 4);
        String otherAsset = "nul-" + UUID.randomUUID();
        AlertRaised failing = alert(a -> a.setAsset(otherAsset).setTitle("Trojan \u0000 detected on " + otherAsset)
                .setTags(List.of("malware")));
        double classifiedBefore = meters.get("vigie.triage.classification.delay").timer().count();

        // when
        inOnePoll(() -> {
            send(alerts.get(0));
            send(alerts.get(1));
            send(failing);
            send(alerts.get(2));
            send(alerts.get(3));
            return null;
        });

        // then the failing one is on the DLT, after the bounded retries, and left no trace
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(otherAsset);
        assertThat(header(dead, VigieKafkaAutoConfiguration.REASON_HEADER)).contains("0x00");
        assertClassifiedOnceAsOneIncident(alerts);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                failing.getEventId())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM incident_alert WHERE alert_id = ?", Integer.class,
                failing.getAlertId())).isZero();
        assertThat(classificationsOf(failing.getAlertId())).isEmpty();
        // and every alert was counted once, though the first ones were classified again after the batch failed
        assertThat(meters.get("vigie.triage.classification.delay").timer().count() - classifiedBefore).isEqualTo(4);
    }

    /** The alerts opened one incident, each was classified and published exactly once, in partition order. */
    private void assertClassifiedOnceAsOneIncident(List<AlertRaised> alerts) {
        AlertRaised last = alerts.get(alerts.size() - 1);
        awaitClassification(last);
        UUID incidentId = classificationsOf(alerts.get(0).getAlertId()).get(0).getIncidentId();
        for (int i = 0; i < alerts.size(); i++) {
            assertThat(classificationsOf(alerts.get(i).getAlertId())).singleElement().satisfies(event -> {
                assertThat(event.getIncidentId()).isEqualTo(incidentId);
            }).extracting(AlertClassified::getRelatedAlertCount).isEqualTo(i + 1);
        }
        assertThat(jdbc.queryForObject("SELECT alert_count FROM incident WHERE id = ?", Integer.class, incidentId))
                .isEqualTo(alerts.size());
    }

    /** A sequence with a name for each alert, built on inventory entries and references of its own. */
    private Scenario scenario(String run) throws Exception {
        String clientA = "client-a-" + run + "-" + UUID.randomUUID();
        String clientB1 = "client-b1-" + run + "-" + UUID.randomUUID();
        String clientB2 = "client-b2-" + run + "-" + UUID.randomUUID();
        String assetA = knownAsset("batch-a", "ASSET", "MEDIUM", clientA, "OPERATIONAL");
        String assetB1 = knownAsset("batch-b1", "ASSET", "MEDIUM", clientB1, "OPERATIONAL");
        String assetB2 = knownAsset("batch-b2", "ASSET", "MEDIUM", clientB2, "OPERATIONAL");
        String assetC = "batch-c-" + UUID.randomUUID();
        String assetD = "batch-d-" + UUID.randomUUID();
        String reference = "wazuh-rule-510:" + UUID.randomUUID();
        Scenario scenario = new Scenario(Map.of(clientA, "client-a", clientB1, "client-b1", clientB2, "client-b2",
                assetA, "asset-a", assetB1, "asset-b1", assetB2, "asset-b2", assetC, "asset-c", assetD, "asset-d"));

        AlertRaised a1 = malware(assetA, "Trojan detected on " + assetA);
        scenario.add("a1", a1);
        scenario.add("b1", alert(a -> a.setSource(SourceKind.WAZUH).setSourceReference(reference).setAsset(assetB1)
                .setTitle("Trojan detected on " + assetB1).setTags(List.of("malware"))));
        AlertRaised a2 = malware(assetA, "Ransomware encrypting files on " + assetA);
        scenario.add("a2", a2);
        scenario.add("b2", alert(a -> a.setSource(SourceKind.WAZUH).setSourceReference(reference).setAsset(assetB2)
                .setTitle("Trojan detected on " + assetB2).setTags(List.of("malware"))));
        scenario.add("a1", a1); // delivered again
        scenario.add("c1", alert(a -> a.setSource(SourceKind.ALERTMANAGER).setAsset(assetC).setResolvedBySource(true)
                .setTitle("InstanceDown: " + assetC + " is unreachable")));
        scenario.add("c2", alert(a -> a.setAsset(assetC).setTitle("Disk almost full on " + assetC)));
        AlertRaised a3 = malware(assetA, "Trojan detected again on " + assetA);
        scenario.add("a3", a3);
        // a second event for an alert already handled (intake published it twice)
        scenario.add("a2-again", AlertRaised.newBuilder(a2).setEventId(UUID.randomUUID()).build());
        scenario.add("a3", a3);
        List<AlertRaised> storm = malwareOn(assetD, 12);
        for (int i = 0; i < storm.size(); i++) {
            scenario.add("d" + (i + 1), storm.get(i));
        }
        return scenario;
    }

    private static List<AlertRaised> malwareOn(String asset, int count) {
        List<AlertRaised> alerts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            alerts.add(alert(a -> a.setSource(SourceKind.SPLUNK).setAsset(asset).setTitle("Trojan detected on " + asset)
                    .setTags(List.of("malware"))));
        }
        return alerts;
    }

    private static AlertRaised malware(String asset, String title) {
        return alert(a -> a.setSource(SourceKind.WAZUH).setAsset(asset).setTitle(title).setTags(List.of("malware")));
    }

    /** The records of a scenario and what came of them, with this run's ids replaced by names. */
    private final class Scenario {

        private final List<String> labels = new ArrayList<>();
        private final List<AlertRaised> records = new ArrayList<>();
        private final Map<String, String> names;

        /** {@code names}: this run's client ids and asset names, and what to call them. */
        Scenario(Map<String, String> names) {
            this.names = names;
        }

        void add(String name, AlertRaised alert) {
            labels.add(name);
            records.add(alert);
        }

        /**
         * One line per record: what it did (the AlertClassified published for it, each once at most, else "-"),
         * with incidents numbered in the order they appear and clients by name.
         */
        List<String> view() {
            Map<UUID, Integer> incidents = incidentNumbers();
            List<String> lines = new ArrayList<>();
            List<UUID> seen = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                UUID alertId = records.get(i).getAlertId();
                List<AlertClassified> events = classificationsOf(alertId);
                assertThat(events).as("classifications of " + labels.get(i)).hasSizeLessThanOrEqualTo(1);
                if (events.isEmpty() || seen.contains(alertId)) {
                    lines.add(i + " " + labels.get(i) + ":-");
                    continue;
                }
                seen.add(alertId);
                AlertClassified event = events.get(0);
                lines.add(i + " " + labels.get(i) + ":" + event.getChange() + " incident " + incidents.get(event.getIncidentId())
                        + " " + event.getSeverity() + " (was " + event.getPreviousSeverity() + ") " + event.getCategory()
                        + " alerts " + event.getRelatedAlertCount() + " clients " + event.getAffectedClients().stream()
                        .map(AffectedClient::getClientId).map(names::get).sorted().toList()
                        + " personal data " + event.getPersonalDataInvolved() + " notify " + event.getNotifyClients()
                        + " rules " + event.getRationale().stream().map(this::rule).toList());
            }
            return lines;
        }

        /** Each incident's alert count, and the number of alert records it holds, as the database has them. */
        List<String> incidents() {
            List<String> lines = new ArrayList<>();
            incidentNumbers().forEach((id, number) -> {
                int count = jdbc.queryForObject("SELECT alert_count FROM incident WHERE id = ?", Integer.class, id);
                int recorded = jdbc.queryForObject("SELECT COUNT(*) FROM incident_alert WHERE incident_id = ?",
                        Integer.class, id);
                lines.add("incident " + number + ": " + count + " alerts" + (recorded == count ? "" : ", " + recorded
                        + " recorded"));
            });
            return lines;
        }

        private Map<UUID, Integer> incidentNumbers() {
            Map<UUID, Integer> numbers = new LinkedHashMap<>();
            for (AlertRaised record : records) {
                classificationsOf(record.getAlertId()).forEach(
                        event -> numbers.putIfAbsent(event.getIncidentId(), numbers.size() + 1));
            }
            return numbers;
        }

        private String rule(RuleFired rule) {
            String effect = rule.getEffect() == null ? "" : rule.getEffect();
            for (Map.Entry<String, String> name : names.entrySet()) {
                effect = effect.replace(name.getKey(), name.getValue());
            }
            return rule.getRuleId() + (rule.getRuleId().equals("correlation") ? "" : "=" + effect);
        }
    }

    /**
     * Holds the AlertRaised listener (it keeps its partitions, so nothing is rebalanced), runs {@code send}, then
     * lets it go: what was sent arrives in its next poll.
     */
    private <T> T inOnePoll(Supplier<T> send) {
        MessageListenerContainer container = listeners.getListenerContainer(AlertRaisedListener.ID);
        container.pause();
        await().atMost(Duration.ofSeconds(60)).until(container::isContainerPaused);
        try {
            return send.get();
        } finally {
            container.resume();
        }
    }

    /** Sends to one partition, so the order of a test's records is the order they are consumed in. */
    private long send(AlertRaised alert) {
        String key = alert.getAsset() != null ? alert.getAsset() : alert.getSourceReference();
        return kafka.send(Topics.ALERT_RAISED, PARTITION, key, alert).join().getRecordMetadata().offset();
    }

    private long sendRaw(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, VigieInfrastructure.shared().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.ALERT_RAISED, PARTITION, key, value)).get().offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next offset the service will read on the test partition, as its consumer group committed it. */
    private long committedOffset() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                VigieInfrastructure.shared().kafkaBootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("triage-service")
                    .partitionsToOffsetAndMetadata().get().get(new TopicPartition(Topics.ALERT_RAISED, PARTITION));
            return committed == null ? -1 : committed.offset();
        }
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, VigieInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "triage-dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ALERT_RAISED_TOPIC.deadLetterTopic()));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private DistributionSummary batchSizes() {
        return meters.get("vigie.triage.batch.size").summary();
    }

    private double deadLetters() {
        return meters.counter(VigieKafkaAutoConfiguration.DEAD_LETTERS_METRIC, "topic", Topics.ALERT_RAISED).count();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
