package io.vigie.regulatory;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/** A fresh H2 database in PostgreSQL mode, as the local stack runs the service, with this service's migrations. */
public record H2Database(JdbcTemplate jdbc, TransactionTemplate transactions) {

    public static H2Database migrated() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2)
                .locations("classpath:db/migration/platform", "classpath:db/migration/regulatory").load().migrate();
        return new H2Database(new JdbcTemplate(h2), new TransactionTemplate(new DataSourceTransactionManager(h2)));
    }
}
