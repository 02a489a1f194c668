package io.vigie.triage.incident;

import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Measure;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.alert.SourceKind;
import io.vigie.triage.incident.internal.IncidentRepository;
import io.vigie.triage.incident.internal.IncidentRepository.AlertRecord;
import io.vigie.triage.incident.internal.IncidentRepository.CorrelationKey;
import io.vigie.triage.incident.internal.IncidentRepository.OpenIncidents;
import io.vigie.triage.incident.internal.IncidentRepository.Queued;
import io.vigie.triage.policy.AffectedClient;
import io.vigie.triage.policy.Classification;
import io.vigie.triage.policy.RuleFired;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.vigie.triage.alert.AlertBuilder.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The local stack runs triage on H2 in PostgreSQL mode: its migration and every incident query must work there. */
class IncidentRepositoryOnH2Test {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldStoreFindAndQueueIncidentsOnH2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/platform", "classpath:db/migration/triage")
                .load().migrate();
        IncidentRepository repository = new IncidentRepository(new JdbcTemplate(h2));
        repository.planForCurrentSizes(); // PostgreSQL only: H2 has no plan_cache_mode
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alert first = alert().asset("db-1").detectedAt(now).build();
        Incident opened = Correlation.decide(Optional.empty(), first, classification(Severity.HIGH, now),
                CorrelationSettings.defaults(), UUID.randomUUID()).incident();
        List<String> keys = Correlation.keys(first, IncidentCategory.DATA_BREACH);

        repository.insertAll(List.of(opened));
        repository.addKeys(keyRows(opened, keys));
        repository.addKeys(keyRows(opened, keys));
        repository.recordAlerts(List.of(new AlertRecord(first.alertId(), opened.id(), Change.OPENED, true, now)));
        OpenIncidents found = repository.lockOpen(List.of(keys.get(1)), now.minus(Duration.ofHours(1)));
        Incident escalated = Correlation.decide(Optional.of(found.byId().get(opened.id())),
                alert().asset("db-1").detectedAt(now).build(), classification(Severity.CRITICAL, now),
                CorrelationSettings.defaults(), UUID.randomUUID()).incident();
        repository.updateAll(List.of(escalated));

        assertThat(found.byId()).containsOnlyKeys(opened.id()).containsValue(opened);
        assertThat(found.idsByKey()).containsOnlyKeys(keys.get(1));
        assertThat(repository.seenAlerts(List.of(first.alertId(), UUID.randomUUID()))).containsExactly(first.alertId());
        assertThat(repository.lockOpen(keys, now.plus(Duration.ofHours(1))).byId()).isEmpty();
        assertThat(repository.queue(false, 10)).map(Queued::incident).singleElement()
                .satisfies(incident -> {
                    assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(incident.sightings().alertCount()).isEqualTo(2);
                    assertThat(incident.classification().personalDataInvolved()).isTrue();
                    assertThat(incident.classification().measures()).containsExactly(Measure.ACCESS_REVOKED);
                    assertThat(incident.classification().suggestedClients()).extracting(AffectedClient::clientId)
                            .containsExactly("globex");
                });
    }

    @Test
    void shouldReadAnIncidentStoredBeforeMeasuresAndSuggestionsAndKeepItTakingAlerts() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/platform", "classpath:db/migration/triage")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        IncidentRepository repository = new IncidentRepository(jdbc);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alert first = alert().asset("db-1").detectedAt(now).build();
        Incident opened = Correlation.decide(Optional.empty(), first, classification(Severity.HIGH, now),
                CorrelationSettings.defaults(), UUID.randomUUID()).incident();
        repository.insertAll(List.of(opened));
        // given: the snapshot as the previous version wrote it, with the client texts and without the new lists
        ObjectNode snapshot = (ObjectNode) JSON.readTree(jdbc.queryForObject(
                "SELECT snapshot FROM incident WHERE id = ?", String.class, opened.id()));
        ObjectNode legacy = ((ObjectNode) snapshot.get("classification"));
        legacy.remove(List.of("measures", "suggestedClients"));
        legacy.put("impact", "The database may have been read.");
        legacy.putArray("measuresTaken").add("The account was blocked.");
        legacy.put("resolutionPlan", "We rotate the credentials.");
        legacy.putArray("recommendedActions").add("Watch for phishing.");
        jdbc.update("UPDATE incident SET snapshot = ? WHERE id = ?", JSON.writeValueAsString(snapshot), opened.id());

        Incident stored = repository.find(opened.id()).orElseThrow();
        Incident joined = Correlation.decide(Optional.of(stored), alert().asset("db-1").detectedAt(now).build(),
                classification(Severity.HIGH, now), CorrelationSettings.defaults(), UUID.randomUUID()).incident();
        repository.updateAll(List.of(joined));

        assertThat(stored.classification().measures()).isEmpty();
        assertThat(stored.classification().suggestedClients()).isEmpty();
        assertThat(stored.classification().affectedClients()).extracting(AffectedClient::clientId).containsExactly("acme");
        assertThat(repository.find(opened.id())).hasValueSatisfying(incident -> {
            assertThat(incident.sightings().alertCount()).isEqualTo(2);
            assertThat(incident.classification().measures()).containsExactly(Measure.ACCESS_REVOKED);
            assertThat(incident.classification().suggestedClients()).extracting(AffectedClient::clientId)
                    .containsExactly("globex");
        });
    }

    @Test
    void shouldNeitherFindNorQueueResolvedOrClosedIncidentsOnH2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/platform", "classpath:db/migration/triage")
                .load().migrate();
        IncidentRepository repository = new IncidentRepository(new JdbcTemplate(h2));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant since = now.minus(Duration.ofHours(1));
        Alert first = alert().asset("db-1").detectedAt(now).build();
        Alert other = alert().asset("db-2").detectedAt(now).build();
        List<String> keys = Correlation.keys(first, IncidentCategory.DATA_BREACH);
        List<String> otherKeys = Correlation.keys(other, IncidentCategory.DATA_BREACH);
        Incident resolved = Correlation.decide(Optional.empty(), first, classification(Severity.HIGH, now),
                CorrelationSettings.defaults(), UUID.randomUUID()).incident();
        Incident closed = Correlation.decide(Optional.empty(), other, classification(Severity.HIGH, now),
                CorrelationSettings.defaults(), UUID.randomUUID()).incident();
        repository.insertAll(List.of(resolved, closed));
        repository.addKeys(keyRows(resolved, keys));
        repository.addKeys(keyRows(closed, otherKeys));
        assertThat(repository.queue(true, 10)).hasSize(2);

        assertThat(repository.markResolved(resolved.id(), now)).isTrue();
        assertThat(repository.markResolved(resolved.id(), now.plusSeconds(60))).isFalse();
        assertThat(repository.markClosed(closed.id(), now)).isTrue();
        assertThat(repository.markClosed(closed.id(), now)).isFalse();
        assertThat(repository.markResolved(UUID.randomUUID(), now)).isFalse();

        assertThat(repository.lockOpen(keys, since).byId()).isEmpty();
        assertThat(repository.lockOpen(otherKeys, since).byId()).isEmpty();
        assertThat(repository.queue(true, 10)).isEmpty();
        assertThat(repository.find(resolved.id())).isPresent();
    }

    @Test
    void shouldQueueAnIncidentWhoseClientsNobodyKnowsUntilAnAnalystDecidesOnH2() {
        IncidentRepository repository = new IncidentRepository(new JdbcTemplate(migratedH2(null)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant twoDaysAgo = now.minus(Duration.ofDays(2));
        // given an incident two days old whose clients must be told and none is known, that its source says is over
        Alert fired = alert().source(SourceKind.WAZUH).asset("bastion-7").detectedAt(twoDaysAgo).build();
        Incident opened = Correlation.decide(Optional.empty(), fired, unattributed(twoDaysAgo),
                CorrelationSettings.defaults(), UUID.randomUUID()).incident();
        Incident cleared = Correlation.decide(Optional.of(opened), alert().source(SourceKind.WAZUH).asset("bastion-7")
                        .detectedAt(twoDaysAgo.plusSeconds(300)).resolved().build(), unattributed(twoDaysAgo),
                CorrelationSettings.defaults(), UUID.randomUUID()).incident();
        repository.insertAll(List.of(opened));
        repository.updateAll(List.of(cleared));

        // then it waits in the queue, source-resolved or not
        assertThat(repository.queue(false, 10)).singleElement().satisfies(queued -> {
            assertThat(queued.incident().id()).isEqualTo(opened.id());
            assertThat(queued.incident().sightings().sourceResolved()).isTrue();
            assertThat(queued.attribution()).isEqualTo(Attribution.AWAITING);
        });
        // until an analyst dismisses it (once: a second dismissal changes nothing)
        assertThat(repository.recordAttribution(opened.id(), Attribution.DISMISSED, "alice", now)).isTrue();
        assertThat(repository.recordAttribution(opened.id(), Attribution.DISMISSED, "bob", now)).isFalse();
        assertThat(repository.queue(false, 10)).isEmpty();
        assertThat(repository.queue(true, 10)).singleElement().extracting(Queued::attribution)
                .isEqualTo(Attribution.DISMISSED);
        // and a client named afterwards still counts
        assertThat(repository.recordAttribution(opened.id(), Attribution.ATTRIBUTED, "carol", now)).isTrue();
        assertThat(repository.queue(true, 10)).singleElement().extracting(Queued::attribution)
                .isEqualTo(Attribution.ATTRIBUTED);
        assertThat(repository.recordAttribution(UUID.randomUUID(), Attribution.ATTRIBUTED, "carol", now)).isFalse();
    }

    @Test
    void shouldFindTheIncidentsAlreadyWaitingForAClientWhenMigratingOnH2() {
        // given two incidents stored by the version before (V2): one whose clients nobody knows, one with acme
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JdbcTemplate currentJdbc = new JdbcTemplate(migratedH2(null));
        IncidentRepository current = new IncidentRepository(currentJdbc);
        Incident unknown = Correlation.decide(Optional.empty(), alert().asset("bastion-8").detectedAt(now).build(),
                unattributed(now), CorrelationSettings.defaults(), UUID.randomUUID()).incident();
        Incident known = Correlation.decide(Optional.empty(), alert().asset("db-1").detectedAt(now).build(),
                classification(Severity.HIGH, now), CorrelationSettings.defaults(), UUID.randomUUID()).incident();
        current.insertAll(List.of(unknown, known));
        DriverManagerDataSource before = migratedH2("2");
        JdbcTemplate old = new JdbcTemplate(before);
        for (Incident incident : List.of(unknown, known)) {
            String snapshot = currentJdbc.queryForObject("SELECT snapshot FROM incident WHERE id = ?",
                    String.class, incident.id());
            old.update("INSERT INTO incident (id, title, severity, category, priority, alert_count, first_detected, "
                    + "last_detected, source_resolved, personal_data, unknown_asset, policy_version, snapshot) "
                    + "VALUES (?, 't', 'HIGH', 'OTHER', 700, 1, ?, ?, FALSE, FALSE, TRUE, 'v1', ?)", incident.id(),
                    Timestamp.from(now), Timestamp.from(now), snapshot);
        }

        // when this version's migration runs
        Flyway.configure().dataSource(before).locations("classpath:db/migration/platform",
                "classpath:db/migration/triage").load().migrate();

        // then the first waits in the queue for a client, the other does not
        assertThat(new IncidentRepository(old).queue(false, 10))
                .extracting(queued -> queued.incident().id(), Queued::attribution)
                .containsExactlyInAnyOrder(tuple(unknown.id(), Attribution.AWAITING),
                        tuple(known.id(), Attribution.NOT_NEEDED));
    }

    /** A fresh H2 database in PostgreSQL mode, migrated up to {@code target} (null: all the way). */
    private static DriverManagerDataSource migratedH2(String target) {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        var flyway = Flyway.configure().dataSource(h2).locations("classpath:db/migration/platform",
                "classpath:db/migration/triage");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
        return h2;
    }

    /**
     * Wazuh's "sshd: brute force" on a host the inventory does not know, from a source bound to no client: the
     * default policy says notify, and nobody is affected.
     */
    private static Classification unattributed(Instant detected) {
        return new Classification(Severity.HIGH, IncidentCategory.ACCOUNT_COMPROMISE, true,
                List.of(DataCategory.CREDENTIALS), List.of(), List.of(), List.of("bastion-7"), List.of(), List.of(),
                false, List.of(Measure.ACCOUNT_LOCKED), detected.plus(Duration.ofHours(4)), true, 60,
                List.of(new RuleFired("unknown-asset", "test", "severity at least HIGH")), "v1");
    }

    private static List<CorrelationKey> keyRows(Incident incident, List<String> keys) {
        return keys.stream().map(key -> new CorrelationKey(key, incident.id())).toList();
    }

    private static Classification classification(Severity severity, Instant detected) {
        return new Classification(severity, IncidentCategory.DATA_BREACH, true, List.of(DataCategory.PERSONAL),
                List.of(new AffectedClient("acme", List.of("db-1"), List.of(), List.of(DataCategory.PERSONAL), false)),
                List.of(new AffectedClient("globex", List.of(), List.of(), List.of(DataCategory.PERSONAL), false)),
                List.of("db-1"), List.of(), List.of(), true,
                List.of(Measure.ACCESS_REVOKED), detected.plus(Duration.ofHours(4)), false, 100,
                List.of(new RuleFired("baseline", "test", "severity " + severity)), "v1");
    }
}
