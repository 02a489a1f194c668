package io.vigie.notification.deadlines;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.platform.outbox.ProcessedEvents;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a managers' mailbox the warning is not written, and the event is not even claimed (on H2). */
class DeadlineWarningsTest {

    @Test
    void shouldQueueNothingWhenNoManagersAddressIsConfigured() {
        // given the service's tables, and no vigie.notification.managers.address
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2)
                .locations("classpath:db/migration/platform", "classpath:db/migration/notification").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        ManagersProperties unset = new ManagersProperties(null, "en",
                "http://127.0.0.1:8086/regulatory/incidents/{incidentId}");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // No email queue, words, phrases nor directory: a warning that went past the check would fail on them.
        DeadlineWarnings warnings = new DeadlineWarnings(unset,
                new ProcessedEvents(jdbc, Clock.fixed(Instant.parse("2030-03-01T10:00:00Z"), ZoneOffset.UTC)),
                null, null, null, null, null, meters);
        DeadlineWarning dueSoon = new DeadlineWarning(UUID.randomUUID(), DeadlineWarning.Kind.DUE_SOON,
                UUID.randomUUID(), "acme", "GDPR Art. 33 notification to the supervisory authority",
                "GDPR Art. 33(1): 72 hours after awareness", Instant.parse("2030-03-04T14:00:00Z"), "CNIL");

        // when regulatory-service announces a deadline (in the listener's transaction)
        new TransactionTemplate(new DataSourceTransactionManager(h2)).executeWithoutResult(status ->
                warnings.warn(dueSoon));

        // then nothing is queued nor counted, and the event is left unclaimed
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comms_alert", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event", Integer.class)).isZero();
        assertThat(meters.find("vigie.notification.deadline.warnings").counters()).isEmpty();
    }
}
