package io.vigie.platform.outbox;

import io.vigie.events.AlertRaised;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.platform.kafka.broker.LocalKafkaBroker;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.test.VigieInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = OutboxIT.Service.class, properties = {
        "spring.application.name=outbox-it",
        "spring.flyway.locations=classpath:db/migration/platform",
        "vigie.outbox.send-timeout=3s",
        "vigie.outbox.poll-interval=200ms",
        "vigie.outbox.max-back-off=1s",
        // with the broker down, a send must give up quickly so the relay can retry, not sit 60 s in metadata waits
        "spring.kafka.producer.properties.max.block.ms=2000"})
class OutboxIT {

    private static final String TOPIC = "outbox-it.alerts";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VigieInfrastructure.register(registry, "outbox");
    }

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    private final VigieInfrastructure infrastructure = VigieInfrastructure.shared();

    @AfterEach
    void brokerBackUp() {
        infrastructure.kafkaBroker().filter(broker -> !broker.isRunning()).ifPresent(LocalKafkaBroker::start);
    }

    @Test
    void shouldPublishAnEventOnlyOnceItsTransactionCommitted() {
        AlertRaised committed = alert("committed");
        AlertRaised rolledBack = alert("rolled back");

        transactions.executeWithoutResult(status -> outbox.append(TOPIC, "asset-1", committed));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            outbox.append(TOPIC, "asset-1", rolledBack);
            throw new IllegalStateException("the business change failed");
        })).hasMessage("the business change failed");
        AlertRaised after = alert("after");
        transactions.executeWithoutResult(status -> outbox.append(TOPIC, "asset-1", after));

        List<Object> values = awaitValues(after);
        assertThat(values).contains(committed, after).doesNotContain(rolledBack);
        await().until(() -> pending() == 0);
    }

    @Test
    void shouldPublishEventsAppendedTogetherInTheirOrder() {
        List<AlertRaised> events = List.of(alert("first"), alert("second"), alert("third"));

        transactions.executeWithoutResult(status -> outbox.appendAll(events.stream()
                .map(event -> new Outbox.Entry(TOPIC, "asset-3", event)).toList()));

        List<Object> values = awaitValues(events.get(2));
        assertThat(values.stream().filter(events::contains).toList()).containsExactlyElementsOf(events);
        await().until(() -> pending() == 0);
    }

    @Test
    void shouldRefuseToPublishOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(TOPIC, "k", alert("no transaction")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a transaction");
    }

    @Test
    void shouldKeepCommittedEventsWhileTheBrokerIsDownAndPublishThemWhenItIsBack() {
        LocalKafkaBroker broker = infrastructure.kafkaBroker().orElseThrow();
        // given the broker is down
        broker.stop();
        AlertRaised duringOutage = alert("during outage");

        // when the service commits an event
        transactions.executeWithoutResult(status -> outbox.append(TOPIC, "asset-2", duringOutage));

        // then it waits in the outbox
        assertThat(pending()).isEqualTo(1);

        // and once the broker is back it is published and the outbox drains
        broker.start();
        assertThat(awaitValues(duringOutage)).contains(duringOutage);
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
    }

    @Test
    void shouldRelayEachEventOnceAndInOrderWhenRelaysOfSeveralInstancesRace() throws Exception {
        // given 300 committed events about one key, and two more relays on the same table: other instances of the
        // service, racing this one's
        List<AlertRaised> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(alert("raced " + i));
        }
        OutboxProperties small = new OutboxProperties(Duration.ofMillis(200), 20, Duration.ofSeconds(3),
                Duration.ofSeconds(1));
        List<OutboxRelay> others = List.of(
                new OutboxRelay(jdbc, transactions, kafka, small, Clock.systemUTC(), new SimpleMeterRegistry()),
                new OutboxRelay(jdbc, transactions, kafka, small, Clock.systemUTC(), new SimpleMeterRegistry()));
        ExecutorService instances = Executors.newFixedThreadPool(3);
        try {
            // when the events are committed while all three relay at once
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> relayed = new ArrayList<>();
            Future<?> appended = instances.submit(() -> {
                go.await();
                for (List<AlertRaised> slice : List.of(events.subList(0, 100), events.subList(100, 200),
                        events.subList(200, 300))) {
                    for (AlertRaised event : slice) {
                        transactions.executeWithoutResult(status -> outbox.append(TOPIC, "raced-key", event));
                    }
                }
                return null;
            });
            for (OutboxRelay relay : others) {
                relayed.add(instances.submit(() -> {
                    go.await();
                    int sent = 0;
                    while (!appended.isDone() || pending() > 0) {
                        sent += relay.relayPending();
                    }
                    return sent;
                }));
            }
            go.countDown();
            appended.get(60, TimeUnit.SECONDS);
            for (Future<Integer> relay : relayed) {
                relay.get(60, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }

        // then the topic holds each event exactly once, in the order it was committed
        List<Object> values = awaitValues(events.get(events.size() - 1));
        assertThat(values.stream().filter(events::contains).toList()).containsExactlyElementsOf(events);
        await().until(() -> pending() == 0);
    }

    private long pending() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class);
    }

    private List<Object> awaitValues(AlertRaised last) {
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", infrastructure.schemaRegistryUrl(),
                "specific.avro.reader", "true"), false);
        List<Object> received = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
                return received.contains(last);
            });
        }
        return received;
    }

    private static AlertRaised alert(String title) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return AlertRaised.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("outbox-it")
                .setAlertId(UUID.randomUUID()).setSource(SourceKind.GENERIC).setSourceName("test")
                .setSourceReference(UUID.randomUUID().toString()).setFingerprint("f").setTitle(title)
                .setSeverityHint(Severity.LOW).setDetectedAt(now).setReceivedAt(now)
                .build();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {
    }
}
