package io.vigie.platform.kafka.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.AlertRaised;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.KafkaTestClients;
import io.vigie.platform.kafka.TestEvents;
import io.vigie.platform.kafka.serde.AvroSerializer;
import io.vigie.test.VigieInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service built on the auto-configuration, consuming {@link Topics#ALERT_RAISED} as triage will: records it cannot
 * read go to the DLT at once, records its listener keeps failing on go there after the bounded retries, and the
 * records behind them are consumed.
 */
@SpringBootTest(classes = DeadLetterIT.Service.class, properties = {
        "spring.application.name=dead-letter-it",
        "vigie.kafka.retry.initial-interval=20ms",
        "vigie.kafka.retry.max-interval=50ms"})
class DeadLetterIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", infrastructure::schemaRegistryUrl);
    }

    @Autowired
    Service service;

    @Autowired
    KafkaTemplate<String, Object> template;

    @Autowired
    MeterRegistry meters;

    private final String bootstrap = VigieInfrastructure.shared().kafkaBootstrapServers();

    @Test
    void shouldSendUnreadableRecordsToTheDeadLetterTopicOnTheFirstAttemptAndKeepConsuming() throws Exception {
        // given garbage, a valid frame naming a schema id nobody registered, then a good alert
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(42).array();
        AlertRaised good = TestEvents.lockedAccountAlert("good after poison");
        RecordMetadata garbageAt;
        RecordMetadata unknownIdAt;
        try (var producer = KafkaTestClients.rawProducer(bootstrap)) {
            garbageAt = producer.send(new ProducerRecord<>(Topics.ALERT_RAISED, "poison-1", garbage)).get();
            unknownIdAt = producer.send(new ProducerRecord<>(Topics.ALERT_RAISED, "poison-2", unknownId)).get();
        }
        template.send(Topics.ALERT_RAISED, good.getAsset(), good).get();

        // then the good alert is consumed
        await().atMost(Duration.ofSeconds(30)).until(() -> service.received.contains(good));

        // and both poison records are on the DLT, byte for byte, with where they came from and why
        try (var dlt = KafkaTestClients.rawConsumer(bootstrap, Topics.ALERT_RAISED_TOPIC.deadLetterTopic())) {
            List<ConsumerRecord<String, byte[]>> dead = awaitKeys(dlt, "poison-1", "poison-2");
            ConsumerRecord<String, byte[]> first = byKey(dead, "poison-1");
            assertThat(first.value()).isEqualTo(garbage);
            assertThat(header(first, "kafka_dlt-original-topic")).isEqualTo(Topics.ALERT_RAISED);
            assertThat(ByteBuffer.wrap(first.headers().lastHeader("kafka_dlt-original-offset").value()).getLong())
                    .isEqualTo(garbageAt.offset());
            assertThat(ByteBuffer.wrap(first.headers().lastHeader("kafka_dlt-original-partition").value()).getInt())
                    .isEqualTo(garbageAt.partition());
            assertThat(header(first, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
            assertThat(header(first, VigieKafkaAutoConfiguration.REASON_HEADER)).contains("Unknown magic byte");

            ConsumerRecord<String, byte[]> second = byKey(dead, "poison-2");
            assertThat(second.value()).isEqualTo(unknownId);
            assertThat(ByteBuffer.wrap(second.headers().lastHeader("kafka_dlt-original-offset").value()).getLong())
                    .isEqualTo(unknownIdAt.offset());
            assertThat(header(second, VigieKafkaAutoConfiguration.REASON_HEADER)).contains("schema id 987654");
        }
        assertThat(meters.counter(VigieKafkaAutoConfiguration.DEAD_LETTERS_METRIC, "topic", Topics.ALERT_RAISED)
                .count()).isGreaterThanOrEqualTo(2);
        // on the first attempt: no delivery of either was ever retried
        assertThat(service.attempts(garbageAt)).isLessThanOrEqualTo(1);
        assertThat(service.attempts(unknownIdAt)).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldRetryAFailingRecordABoundedNumberOfTimesThenDeadLetterIt() throws Exception {
        // given
        AlertRaised failing = TestEvents.lockedAccountAlert(Service.FAIL);
        AlertRaised next = TestEvents.lockedAccountAlert("next one");

        // when
        RecordMetadata failingAt = template.send(Topics.ALERT_RAISED, "failing", failing).get().getRecordMetadata();
        template.send(Topics.ALERT_RAISED, next.getAsset(), next).get();

        // then
        await().atMost(Duration.ofSeconds(30)).until(() -> service.received.contains(next));
        try (var dlt = KafkaTestClients.consumer(bootstrap, new ByteArrayDeserializer(),
                Topics.ALERT_RAISED_TOPIC.deadLetterTopic())) {
            ConsumerRecord<String, byte[]> dead = byKey(awaitKeys(dlt, "failing"), "failing");
            assertThat(header(dead, VigieKafkaAutoConfiguration.REASON_HEADER))
                    .isEqualTo("IllegalStateException: listener refused " + failing.getAlertId());
            assertThat(ByteBuffer.wrap(dead.headers().lastHeader("kafka_dlt-original-offset").value()).getLong())
                    .isEqualTo(failingAt.offset());
        }
        assertThat(service.attempts(failingAt)).isEqualTo(4); // vigie.kafka.retry.max-attempts default
    }

    @Test
    void shouldKeepRetryingARecordWhileAResourceTheListenerNeedsIsUnavailableAndDeadLetterNothing() throws Exception {
        // given a listener whose database is unreachable for more deliveries than the bounded retries allow
        AlertRaised waiting = TestEvents.lockedAccountAlert(Service.DATABASE_DOWN);
        service.databaseDownFor.set(10);

        // when
        RecordMetadata waitingAt = template.send(Topics.ALERT_RAISED, "waiting", waiting).get().getRecordMetadata();

        // then once the database answers, the record is processed, after more attempts than max-attempts
        await().atMost(Duration.ofSeconds(60)).until(() -> service.received.contains(waiting));
        assertThat(service.attempts(waitingAt)).isEqualTo(10);
        try (var dlt = KafkaTestClients.consumer(bootstrap, new ByteArrayDeserializer(),
                Topics.ALERT_RAISED_TOPIC.deadLetterTopic())) {
            List<ConsumerRecord<String, byte[]>> dead = new CopyOnWriteArrayList<>();
            // the DLT is read to its end: the record must not be there
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var polled = dlt.poll(Duration.ofMillis(200));
                polled.forEach(dead::add);
                return polled.isEmpty() && !dlt.assignment().isEmpty();
            });
            assertThat(dead).extracting(ConsumerRecord::key).doesNotContain("waiting");
        }
    }

    @Test
    void shouldTagEveryMeterWithTheServiceName() {
        assertThat(meters.counter("vigie.test.counter").getId().getTag("service")).isEqualTo("dead-letter-it");
        assertThat(meters.counter("vigie.test.counter").getId().getTag("instance")).isNotBlank();
    }

    private static List<ConsumerRecord<String, byte[]>> awaitKeys(
            org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> consumer, String... keys) {
        List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.stream().map(ConsumerRecord::key).toList().containsAll(List.of(keys));
        });
        return received;
    }

    private static ConsumerRecord<String, byte[]> byKey(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {

        static final String FAIL = "listener must fail";
        static final String DATABASE_DOWN = "database down for a while";

        final java.util.concurrent.atomic.AtomicInteger databaseDownFor = new java.util.concurrent.atomic.AtomicInteger();

        final List<AlertRaised> received = new CopyOnWriteArrayList<>();
        final Map<String, Integer> failedDeliveries = new ConcurrentHashMap<>();

        @KafkaListener(topics = Topics.ALERT_RAISED, groupId = "dead-letter-it")
        void on(AlertRaised alert) {
            if (alert.getTitle().equals(FAIL)) {
                throw new IllegalStateException("listener refused " + alert.getAlertId());
            }
            if (alert.getTitle().equals(DATABASE_DOWN) && databaseDownFor.getAndDecrement() > 0) {
                throw new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection",
                        new java.sql.SQLTransientConnectionException("pool - Connection is not available, request timed out"));
            }
            received.add(alert);
        }

        /** Counts how often each record was delivered and failed, as the error handler reports it. */
        @Bean
        RetryListener deliveryCounter() {
            return (record, exception, deliveryAttempt) ->
                    failedDeliveries.merge(record.partition() + "@" + record.offset(), deliveryAttempt, Math::max);
        }

        int attempts(RecordMetadata metadata) {
            return failedDeliveries.getOrDefault(metadata.partition() + "@" + metadata.offset(), 0);
        }
    }
}
