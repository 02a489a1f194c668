package io.vigie.platform.outbox;

import io.vigie.test.DatabaseCoordinates;
import io.vigie.test.VigieInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger on both databases a service can run on: PostgreSQL, and H2 in PostgreSQL mode for the local stack. */
class ProcessedEventsIT {

    @Test
    void shouldClaimAnEventOnceOnPostgres() {
        DatabaseCoordinates db = VigieInfrastructure.shared().createDatabase("processed");
        assertClaimsOnce(migrated(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password())));
    }

    @Test
    void shouldClaimAnEventOnceOnH2InPostgresMode() {
        assertClaimsOnce(migrated(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "")));
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentHandlersClaimAnEvent() throws Exception {
        DatabaseCoordinates db = VigieInfrastructure.shared().createDatabase("processed");
        DataSource dataSource = migrated(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));
        ProcessedEvents ledger = new ProcessedEvents(new JdbcTemplate(dataSource), Clock.systemUTC());
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        UUID eventId = UUID.randomUUID();
        CountDownLatch bothStarted = new CountDownLatch(2);

        List<CompletableFuture<Boolean>> handlers = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
                    bothStarted.countDown();
                    awaitQuietly(bothStarted);
                    return ledger.claim(eventId, "t");
                }))).toList();

        assertThat(handlers.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void shouldRefuseToClaimOutsideATransaction() {
        DataSource dataSource = migrated(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", ""));
        ProcessedEvents ledger = new ProcessedEvents(new JdbcTemplate(dataSource), Clock.systemUTC());

        assertThatThrownBy(() -> ledger.claim(UUID.randomUUID(), "t")).isInstanceOf(IllegalStateException.class);
    }

    private static void assertClaimsOnce(DataSource dataSource) {
        ProcessedEvents ledger = new ProcessedEvents(new JdbcTemplate(dataSource), Clock.systemUTC());
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        UUID eventId = UUID.randomUUID();

        Boolean first = transactions.execute(status -> ledger.claim(eventId, "vigie.alert-raised"));
        Boolean redelivered = transactions.execute(status -> ledger.claim(eventId, "vigie.alert-raised"));
        Boolean another = transactions.execute(status -> ledger.claim(UUID.randomUUID(), "vigie.alert-raised"));

        assertThat(first).isTrue();
        assertThat(redelivered).isFalse();
        assertThat(another).isTrue();

        // and in one batch: a new id, one claimed before, a new one listed twice
        UUID fresh = UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        boolean[] batch = transactions.execute(status ->
                ledger.claimAll(List.of(fresh, eventId, twice, twice), "vigie.alert-raised"));
        assertThat(batch).containsExactly(true, false, true, false);
        Boolean freshAgain = transactions.execute(status -> ledger.claim(fresh, "vigie.alert-raised"));
        assertThat(freshAgain).isFalse();
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/platform").load().migrate();
        return dataSource;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
