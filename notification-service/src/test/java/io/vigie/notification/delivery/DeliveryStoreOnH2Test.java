package io.vigie.notification.delivery;

import io.vigie.notification.delivery.internal.DeliveryStore;
import io.vigie.notification.directory.Channel;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery state machine's SQL on H2 in PostgreSQL mode, as the local stack runs it. */
class DeliveryStoreOnH2Test {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void shouldTakeFailOverToTheNextChannelAndSendOnH2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2)
                .locations("classpath:db/migration/platform", "classpath:db/migration/notification").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        UUID incident = UUID.randomUUID();
        UUID notice = UUID.randomUUID();
        jdbc.update("INSERT INTO incident (id, category, severity, status, classified_at, facts, update_sequence) "
                + "VALUES (?, 'OTHER', 'HIGH', 'OPEN', ?, '{}', 0)", incident, Timestamp.from(NOW));
        jdbc.update("INSERT INTO notice (id, incident_id, client_id, stage, sequence, category, severity, out_of_band, "
                + "content, created_at) VALUES (?, ?, 'acme', 'INITIAL', 1, 'OTHER', 'HIGH', FALSE, '{}', ?)",
                notice, incident, Timestamp.from(NOW));
        UUID email = delivery(jdbc, notice, Channel.EMAIL, 0, "PENDING");
        UUID sms = delivery(jdbc, notice, Channel.SMS, 1, "WAITING");
        DeliveryStore store = new DeliveryStore(jdbc);

        assertThat(store.due(NOW, 10)).containsExactly(email);
        DeliveryStore.DeliveryRow taken = store.take(email, NOW.plusSeconds(300)).orElseThrow();
        assertThat(store.take(email, NOW.plusSeconds(300))).isEmpty();
        assertThat(store.failed(taken, NOW, "SMTP down", "INITIAL/DEFAULT/fr", "Subject")).isTrue();

        assertThat(store.due(NOW, 10)).containsExactly(sms);
        DeliveryStore.DeliveryRow second = store.take(sms, NOW.plusSeconds(300)).orElseThrow();
        assertThat(store.sent(second, NOW.plusSeconds(1), "INITIAL/DEFAULT/fr", "Subject")).isTrue();
        assertThat(store.classifiedAtIfFirstSent(notice)).contains(NOW);
        assertThat(store.releaseExpiredLeases(NOW.plusSeconds(600))).isZero();
    }

    private static UUID delivery(JdbcTemplate jdbc, UUID notice, Channel channel, int position, String state) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO delivery (id, notice_id, contact_id, contact_name, channel, position, recipient, "
                        + "language, state, attempts, next_attempt_at) VALUES (?, ?, 'jm', 'Jeanne', ?, ?, 'x', 'fr', ?, 0, ?)",
                id, notice, channel.name(), position, state, "WAITING".equals(state) ? null : Timestamp.from(NOW));
        return id;
    }
}
