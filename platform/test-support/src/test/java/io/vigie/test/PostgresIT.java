package io.vigie.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VigieInfrastructureExtension.class)
class PostgresIT {

    @Test
    void shouldRunAFlywayMigrationOnAFreshDatabase(VigieInfrastructure infrastructure) throws SQLException {
        // given
        DatabaseCoordinates database = infrastructure.createDatabase("notification");

        // when
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration/sample")
                .load()
                .migrate();

        // then
        try (Connection connection = connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, subject FROM notice")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong("id")).isEqualTo(1L);
            assertThat(rows.getString("subject")).isEqualTo("Suspicious logins on the VPN gateway");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void shouldGiveEachCallADatabaseOfItsOwn(VigieInfrastructure infrastructure) throws SQLException {
        // given
        DatabaseCoordinates first = infrastructure.createDatabase("triage");
        DatabaseCoordinates second = infrastructure.createDatabase("triage");

        // when
        try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE incident (id BIGINT PRIMARY KEY)");
            statement.execute("INSERT INTO incident VALUES (42)");
        }

        // then
        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        assertThat(databaseName(first)).matches("vigie_triage_\\d+");
        assertThat(databaseName(second)).matches("vigie_triage_\\d+");
        try (Connection connection = connect(second);
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getInt(1)).isZero();
        }
    }

    @Test
    void shouldOnlyAcceptTheGeneratedPassword(VigieInfrastructure infrastructure) {
        DatabaseCoordinates database = infrastructure.createDatabase("case");

        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.username(), "wrong-password").close())
                .isInstanceOf(SQLException.class);
    }

    private static Connection connect(DatabaseCoordinates database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static String databaseName(DatabaseCoordinates database) throws SQLException {
        try (Connection connection = connect(database);
             Statement statement = connection.createStatement();
             ResultSet name = statement.executeQuery("SELECT current_database()")) {
            name.next();
            return name.getString(1);
        }
    }
}
