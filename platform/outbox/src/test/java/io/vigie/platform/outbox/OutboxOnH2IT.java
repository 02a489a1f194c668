package io.vigie.platform.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.events.AlertRaised;
import io.vigie.events.SourceKind;
import io.vigie.platform.kafka.serde.AvroSerializer;
import io.vigie.test.VigieInfrastructure;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack runs the services on H2 in PostgreSQL mode: the relay's locking query must work there too. */
class OutboxOnH2IT {

    @Test
    void shouldRelayCommittedEventsFromAnH2Database() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/platform").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(h2));
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        DefaultKafkaProducerFactory<String, Object> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class,
                "schema.registry.url", infrastructure.schemaRegistryUrl()));
        OutboxRelay relay = new OutboxRelay(jdbc, transactions, new KafkaTemplate<>(producers),
                new OutboxProperties(Duration.ofSeconds(1), 2, Duration.ofSeconds(10), Duration.ofSeconds(1)),
                Clock.systemUTC(), new SimpleMeterRegistry());
        Outbox outbox = new Outbox(jdbc, Clock.systemUTC(), () -> { });
        try {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < 5; i++) {
                    outbox.append("outbox-h2-it", "asset", alert("alert " + i));
                }
            });

            // batches of 2: proves the loop drains everything, in several locked rounds
            assertThat(relay.relayPending()).isEqualTo(5);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class)).isZero();
        } finally {
            producers.destroy();
        }
    }

    private static AlertRaised alert(String title) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return AlertRaised.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("outbox-h2-it")
                .setAlertId(UUID.randomUUID()).setSource(SourceKind.GENERIC).setSourceName("test")
                .setSourceReference(UUID.randomUUID().toString()).setFingerprint("f").setTitle(title)
                .setDetectedAt(now).setReceivedAt(now)
                .build();
    }
}
