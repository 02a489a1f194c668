package io.vigie.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The Docker path CI may take: skipped, not failed, where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPostgresIT {

    @Container
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine");

    @Test
    void shouldAnswerQueriesFromTheContainer() throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SHOW server_version_num")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(150000);
        }
    }
}
