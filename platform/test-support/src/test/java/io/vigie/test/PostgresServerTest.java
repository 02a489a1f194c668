package io.vigie.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void shouldKeepHostAndParametersWhenPointingTheAdminUrlAtAnotherDatabase() {
        assertThat(PostgresServer.jdbcUrlFor("jdbc:postgresql://db.ci:5432/postgres?sslmode=require&connectTimeout=5", "vigie_case_3"))
                .isEqualTo("jdbc:postgresql://db.ci:5432/vigie_case_3?sslmode=require&connectTimeout=5");
        assertThat(PostgresServer.jdbcUrlFor("jdbc:postgresql://a:5432,b:5433/admin", "vigie_case_3"))
                .isEqualTo("jdbc:postgresql://a:5432,b:5433/vigie_case_3");
        assertThat(PostgresServer.jdbcUrlFor("jdbc:postgresql://localhost", "vigie_case_3"))
                .isEqualTo("jdbc:postgresql://localhost/vigie_case_3");
        assertThat(PostgresServer.jdbcUrlFor("jdbc:postgresql:admin?user=x", "vigie_case_3"))
                .isEqualTo("jdbc:postgresql:vigie_case_3?user=x");
    }

    @Test
    void shouldTurnServiceNamesIntoSafeIdentifiers() {
        assertThat(PostgresServer.normalise("Alert-Intake")).isEqualTo("alert_intake");
        assertThatThrownBy(() -> PostgresServer.normalise("triage; DROP DATABASE x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresServer.normalise("1triage"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
