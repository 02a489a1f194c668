package io.vigie.triage.policy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.triage.web.InvalidInputException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two instances on one database (H2 in PostgreSQL mode, as in the local stack): a policy activated on one reaches the other. */
class ActivePolicyOnH2Test {

    private static final String POLICY = """
            version: "%s"
            rules:
              - id: everything-is-low
                when: {severityAtLeast: LOW}
                then: {severity: LOW}
            """;

    @Test
    void shouldTakeUpAPolicyActivatedThroughAnotherInstanceAndKeepItWhenABadOneIsRefused() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/platform", "classpath:db/migration/triage")
                .load().migrate();
        ActivePolicy one = new ActivePolicy(new PolicyRepository(new JdbcTemplate(h2)), new SimpleMeterRegistry());
        ActivePolicy other = new ActivePolicy(new PolicyRepository(new JdbcTemplate(h2)), new SimpleMeterRegistry());
        String defaultVersion = one.get().version();

        one.replace(POLICY.formatted("v2"), "max");
        other.refreshIfChanged();

        assertThat(one.get().version()).isEqualTo("v2");
        assertThat(other.get().version()).isEqualTo("v2");
        assertThat(defaultVersion).isNotEqualTo("v2");
        assertThatThrownBy(() -> one.replace(POLICY.formatted("v3").replace("LOW}", "LOWEST}"), "max"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 5");
        assertThatThrownBy(() -> one.replace(POLICY.formatted("v2"), "max"))
                .isInstanceOf(PolicyVersionConflictException.class);
        other.refreshIfChanged();
        assertThat(one.get().version()).isEqualTo("v2");
        assertThat(other.get().version()).isEqualTo("v2");
        assertThat(new ActivePolicy(new PolicyRepository(new JdbcTemplate(h2)), new SimpleMeterRegistry()).get().version())
                .as("a restarted instance").isEqualTo("v2");
    }
}
