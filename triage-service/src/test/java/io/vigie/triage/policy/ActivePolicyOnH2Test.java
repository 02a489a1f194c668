package io.vigie.triage.policy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.platform.web.problem.NotFoundException;
import io.vigie.triage.policy.internal.PolicyRepository;
import io.vigie.triage.web.InvalidInputException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

    @Test
    void shouldKeepClassifyingWithAPolicyActivatedBeforeClientWordingLeftItButRefuseItAgain() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/platform", "classpath:db/migration/triage")
                .load().migrate();
        String legacy = """
                version: "2026.11-custom.1"
                rules:
                  - id: everything-is-low
                    when: {severityAtLeast: LOW}
                    then:
                      severity: LOW
                      impact: Nothing to worry about.
                """;
        // given: a policy activated by the previous version of triage, client texts included
        new JdbcTemplate(h2).update("INSERT INTO triage_policy (version, document, activated_at, activated_by) "
                + "VALUES (?, ?, CURRENT_TIMESTAMP, 'max')", "2026.11-custom.1", legacy);

        ActivePolicy restarted = new ActivePolicy(new PolicyRepository(new JdbcTemplate(h2)), new SimpleMeterRegistry());

        assertThat(restarted.get().version()).isEqualTo("2026.11-custom.1");
        assertThat(restarted.get().rules()).singleElement().satisfies(rule -> assertThat(rule.then().severity())
                .hasToString("LOW"));
        assertThatThrownBy(() -> restarted.replace(legacy.replace("custom.1", "custom.2"), "max"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 7: rule everything-is-low: 'impact' is no longer part of the policy");
        assertThat(restarted.get().version()).isEqualTo("2026.11-custom.1");
    }

    @Test
    void shouldRestoreAnEarlierVersionAndTheShippedDefaultAsNewVersionsKeepingTheHistory() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/platform", "classpath:db/migration/triage")
                .load().migrate();
        PolicyRepository repository = new PolicyRepository(new JdbcTemplate(h2));
        ActivePolicy policy = new ActivePolicy(repository, new SimpleMeterRegistry());
        Policy shipped = policy.get();
        policy.replace(POLICY.formatted("v2"), "max");

        Policy restored = policy.restore(shipped.version(), "mia");

        assertThat(restored.version()).isEqualTo(shipped.version() + "+restored.1");
        assertThat(policy.get()).isEqualTo(restored);
        assertThat(restored.rules()).extracting(Rule::id, Rule::then)
                .isEqualTo(shipped.rules().stream().map(rule -> tuple(rule.id(), rule.then())).toList());
        assertThat(restored.source()).contains("version: \"" + shipped.version() + "+restored.1\"")
                .contains("# Vigie's default triage policy");
        assertThat(restored.source().lines().count()).as("every other line kept, so errors keep their lines")
                .isEqualTo(shipped.source().lines().count());
        assertThat(repository.find(restored.version())).hasValueSatisfying(stored -> {
            assertThat(stored.activatedBy()).isEqualTo("mia");
            assertThat(stored.restoredFrom()).isEqualTo(shipped.version());
        });
        assertThat(repository.find("v2")).hasValueSatisfying(stored -> assertThat(stored.document())
                .isEqualTo(POLICY.formatted("v2")));
        assertThat(policy.restore("v2", "mia").version()).isEqualTo("v2+restored.1");
        assertThat(policy.restore("v2+restored.1", "mia").version()).as("counted from the original")
                .isEqualTo("v2+restored.2");
        assertThat(policy.restore(shipped.version(), "mia").version()).isEqualTo(shipped.version() + "+restored.2");
        assertThat(repository.history()).hasSize(5);
        assertThatThrownBy(() -> policy.restore("v9", "mia")).isInstanceOf(NotFoundException.class);
        assertThat(policy.get().version()).isEqualTo(shipped.version() + "+restored.2");
    }
}
