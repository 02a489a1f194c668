package io.vigie.triage.incident;

import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Measure;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.policy.AffectedClient;
import io.vigie.triage.policy.Classification;
import io.vigie.triage.policy.RuleFired;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.vigie.triage.alert.AlertBuilder.alert;
import static org.assertj.core.api.Assertions.assertThat;

class CorrelationTest {

    private static final CorrelationSettings SETTINGS = CorrelationSettings.defaults();

    @Test
    void shouldOpenAnIncidentForTheFirstAlert() {
        Alert alert = alert().title("Trojan").asset("app-02").build();

        Correlation.Outcome outcome = Correlation.decide(Optional.empty(), alert, classified(Severity.HIGH, "globex"),
                SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.OPENED);
        assertThat(outcome.publish()).isTrue();
        assertThat(outcome.incident().sightings().alertCount()).isEqualTo(1);
        assertThat(outcome.incident().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void shouldNeverOpenAnIncidentForASourceResolvedAlert() {
        Correlation.Outcome outcome = Correlation.decide(Optional.empty(), alert().resolved().build(),
                classified(Severity.HIGH, "globex"), SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.IGNORED);
        assertThat(outcome.publish()).isFalse();
    }

    @Test
    void shouldEscalateWhenALaterAlertIsMoreSevereAndMergeItsClients() {
        Incident open = opened(Severity.MEDIUM, "acme");

        Correlation.Outcome outcome = Correlation.decide(Optional.of(open), alert().build(),
                classified(Severity.CRITICAL, "globex"), SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.ESCALATED);
        assertThat(outcome.previousSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(outcome.incident().id()).isEqualTo(open.id());
        assertThat(outcome.incident().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(outcome.incident().sightings().alertCount()).isEqualTo(2);
        assertThat(outcome.incident().classification().affectedClients()).extracting(AffectedClient::clientId)
                .containsExactly("acme", "globex");
        assertThat(outcome.rationale()).last().extracting(RuleFired::effect).isEqualTo("severity MEDIUM -> CRITICAL");
    }

    @Test
    void shouldAttachAnAlertThatIsNotMoreSevere() {
        Incident open = opened(Severity.HIGH, "acme");

        Correlation.Outcome outcome = Correlation.decide(Optional.of(open), alert().build(),
                classified(Severity.MEDIUM, "acme"), SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.ATTACHED);
        assertThat(outcome.incident().severity()).isEqualTo(Severity.HIGH);
        assertThat(outcome.publish()).isTrue();
    }

    @Test
    void shouldEscalateWithoutRaisingTheSeverityWhenAJoiningAlertBringsANewClient() {
        Incident open = opened(Severity.HIGH, "acme");

        Correlation.Outcome outcome = Correlation.decide(Optional.of(open), alert().build(),
                classified(Severity.MEDIUM, "globex"), SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.ESCALATED);
        assertThat(outcome.publish()).isTrue();
        assertThat(outcome.previousSeverity()).isEqualTo(Severity.HIGH);
        assertThat(outcome.incident().severity()).isEqualTo(Severity.HIGH);
        assertThat(outcome.incident().classification().rationale()).isEqualTo(open.classification().rationale());
        assertThat(outcome.incident().classification().affectedClients()).extracting(AffectedClient::clientId)
                .containsExactly("acme", "globex");
        assertThat(outcome.rationale()).filteredOn(rule -> rule.ruleId().equals("scope-growth"))
                .singleElement().extracting(RuleFired::effect).isEqualTo("clients +globex");
        assertThat(outcome.rationale()).last().extracting(RuleFired::ruleId).isEqualTo("correlation");
    }

    @Test
    void shouldEscalateWhenAJoiningAlertFirstInvolvesPersonalData() {
        Instant detected = Instant.parse("2026-11-20T10:00:00Z");
        Incident open = opened(Severity.HIGH, "acme");

        Correlation.Outcome outcome = Correlation.decide(Optional.of(open), alert().detectedAt(detected).build(),
                personal(Severity.HIGH, "acme", detected), SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.ESCALATED);
        assertThat(outcome.previousSeverity()).isEqualTo(Severity.HIGH);
        assertThat(outcome.incident().severity()).isEqualTo(Severity.HIGH);
        assertThat(outcome.incident().classification().personalDataInvolved()).isTrue();
        assertThat(outcome.rationale()).filteredOn(rule -> rule.ruleId().equals("scope-growth"))
                .singleElement().extracting(RuleFired::effect).asString()
                .contains("personal data involved", "data categories +PERSONAL").doesNotContain("clients");
    }

    @Test
    void shouldAttachWhenPersonalDataIsAlreadyInvolved() {
        Instant first = Instant.parse("2026-11-20T10:00:00Z");
        Incident open = Correlation.decide(Optional.empty(), alert().detectedAt(first).build(),
                personal(Severity.HIGH, "acme", first), SETTINGS, UUID.randomUUID()).incident();

        Correlation.Outcome outcome = Correlation.decide(Optional.of(open),
                alert().detectedAt(first.plus(Duration.ofHours(2))).build(),
                personal(Severity.HIGH, "acme", first.plus(Duration.ofHours(2))), SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.ATTACHED);
        assertThat(outcome.previousSeverity()).isNull();
        assertThat(outcome.incident().classification().personalDataInvolved()).isTrue();
        assertThat(outcome.rationale()).extracting(RuleFired::ruleId).doesNotContain("scope-growth");
    }

    @Test
    void shouldNotEscalateForASourceResolvedAlertThatNamesANewClient() {
        Correlation.Outcome outcome = Correlation.decide(Optional.of(opened(Severity.HIGH, "acme")),
                alert().resolved().build(), classified(Severity.HIGH, "globex"), SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.ATTACHED);
        assertThat(outcome.rationale()).extracting(RuleFired::ruleId).doesNotContain("scope-growth");
    }

    @Test
    void shouldAttachASourceResolvedAlertEvenWhenItsClassificationIsMoreSevere() {
        Correlation.Outcome outcome = Correlation.decide(Optional.of(opened(Severity.LOW, "acme")),
                alert().resolved().build(), classified(Severity.CRITICAL, "acme"), SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.ATTACHED);
        assertThat(outcome.incident().sightings().sourceResolved()).isTrue();
        assertThat(outcome.publish()).isTrue();
    }

    @Test
    void shouldPublishOnlyEveryHundredthAttachedAlertOfAStormBeyondTheFirstTen() {
        Incident incident = opened(Severity.HIGH, "acme");
        int published = 0;
        for (int i = 2; i <= 1000; i++) {
            Correlation.Outcome outcome = Correlation.decide(Optional.of(incident), alert().build(),
                    classified(Severity.HIGH, "acme"), SETTINGS, UUID.randomUUID());
            incident = outcome.incident();
            published += outcome.publish() ? 1 : 0;
        }

        assertThat(incident.sightings().alertCount()).isEqualTo(1000);
        assertThat(published).isEqualTo(9 + 10); // alerts 2 to 10, then 100, 200, ..., 1000
    }

    @Test
    void shouldKeepASuggestedClientApartFromTheAffectedOnesWhenAnAlertJoins() {
        Incident open = Correlation.decide(Optional.empty(), alert().build(),
                classified(Severity.HIGH, List.of("acme"), List.of("globex"), List.of()), SETTINGS,
                UUID.randomUUID()).incident();

        Correlation.Outcome outcome = Correlation.decide(Optional.of(open), alert().build(),
                classified(Severity.HIGH, List.of("acme"), List.of(), List.of()), SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.ATTACHED);
        assertThat(outcome.incident().classification().affectedClients()).extracting(AffectedClient::clientId)
                .containsExactly("acme");
        assertThat(outcome.incident().classification().suggestedClients()).extracting(AffectedClient::clientId)
                .containsExactly("globex");
        assertThat(outcome.incident().priority()).isEqualTo(open.priority() + 5); // log2(2) alerts, not one client more
    }

    @Test
    void shouldEscalateTheScopeWhenASuggestedClientBecomesAffected() {
        Incident open = Correlation.decide(Optional.empty(), alert().build(),
                classified(Severity.HIGH, List.of("acme"), List.of("globex"), List.of()), SETTINGS,
                UUID.randomUUID()).incident();

        Correlation.Outcome outcome = Correlation.decide(Optional.of(open), alert().build(),
                classified(Severity.MEDIUM, List.of("globex"), List.of(), List.of()), SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.ESCALATED);
        assertThat(outcome.previousSeverity()).isEqualTo(Severity.HIGH);
        assertThat(outcome.incident().classification().affectedClients()).extracting(AffectedClient::clientId)
                .containsExactly("acme", "globex");
        assertThat(outcome.incident().classification().suggestedClients()).isEmpty();
        assertThat(outcome.rationale()).filteredOn(rule -> rule.ruleId().equals("scope-growth"))
                .singleElement().extracting(RuleFired::effect).isEqualTo("clients +globex");
    }

    @Test
    void shouldNotSuggestAClientTheIncidentAlreadyCountsAsAffected() {
        Incident open = opened(Severity.HIGH, "acme");

        Correlation.Outcome outcome = Correlation.decide(Optional.of(open), alert().build(),
                classified(Severity.HIGH, List.of(), List.of("acme"), List.of()), SETTINGS, UUID.randomUUID());

        assertThat(outcome.change()).isEqualTo(Change.ATTACHED);
        assertThat(outcome.incident().classification().affectedClients()).extracting(AffectedClient::clientId)
                .containsExactly("acme");
        assertThat(outcome.incident().classification().suggestedClients()).isEmpty();
    }

    @Test
    void shouldPublishAnAttachedAlertInAStormWhenItSuggestsANewClient() {
        Incident incident = opened(Severity.HIGH, "acme");
        for (int i = 2; i <= 50; i++) {
            incident = Correlation.decide(Optional.of(incident), alert().build(), classified(Severity.HIGH, "acme"),
                    SETTINGS, UUID.randomUUID()).incident();
        }

        Correlation.Outcome suggesting = Correlation.decide(Optional.of(incident), alert().build(),
                classified(Severity.HIGH, List.of(), List.of("initech"), List.of()), SETTINGS, UUID.randomUUID());
        Correlation.Outcome again = Correlation.decide(Optional.of(suggesting.incident()), alert().build(),
                classified(Severity.HIGH, List.of(), List.of("initech"), List.of()), SETTINGS, UUID.randomUUID());

        assertThat(suggesting.change()).isEqualTo(Change.ATTACHED);
        assertThat(suggesting.publish()).as("alert 51 suggests initech").isTrue();
        assertThat(suggesting.rationale()).last().extracting(RuleFired::effect)
                .isEqualTo("alert 51 of the incident; suggested clients +initech");
        assertThat(again.publish()).as("alert 52 suggests nothing new").isFalse();
        assertThat(again.incident().classification().suggestedClients()).extracting(AffectedClient::clientId)
                .containsExactly("initech");
    }

    @Test
    void shouldMergeTheMeasuresOfEveryAlertOnce() {
        Incident open = Correlation.decide(Optional.empty(), alert().build(),
                classified(Severity.HIGH, List.of("acme"), List.of(), List.of(Measure.SYSTEM_ISOLATED)), SETTINGS,
                UUID.randomUUID()).incident();

        Correlation.Outcome outcome = Correlation.decide(Optional.of(open), alert().build(),
                classified(Severity.HIGH, List.of("acme"), List.of(),
                        List.of(Measure.INDICATORS_BLOCKED, Measure.SYSTEM_ISOLATED)), SETTINGS, UUID.randomUUID());

        assertThat(outcome.incident().classification().measures())
                .containsExactly(Measure.SYSTEM_ISOLATED, Measure.INDICATORS_BLOCKED);
    }

    @Test
    void shouldKeyByReferenceAndByAssetWithCategory() {
        Alert alert = alert().reference("sid-1").asset("App-02").build();

        assertThat(Correlation.keys(alert, IncidentCategory.MALWARE))
                .containsExactly("ref:GENERIC:sid-1", "asset:app-02:MALWARE");
    }

    private static Incident opened(Severity severity, String client) {
        return Correlation.decide(Optional.empty(), alert().build(), classified(severity, client), SETTINGS,
                UUID.randomUUID()).incident();
    }

    private static Classification personal(Severity severity, String client, Instant detected) {
        return new Classification(severity, IncidentCategory.MALWARE, true,
                List.of(DataCategory.OPERATIONAL, DataCategory.PERSONAL),
                List.of(new AffectedClient(client, List.of("app-02"), List.of(), List.of(DataCategory.PERSONAL), false)),
                List.of(), List.of("app-02"), List.of(), List.of(), true,
                List.of(), Instant.now(), false, 60, List.of(new RuleFired("gdpr-art-33", "test", "left to regulatory-service")),
                "v1");
    }

    private static Classification classified(Severity severity, String client) {
        return classified(severity, List.of(client), List.of(), List.of());
    }

    private static Classification classified(Severity severity, List<String> affected, List<String> suggested,
                                              List<Measure> measures) {
        return new Classification(severity, IncidentCategory.MALWARE, true, List.of(DataCategory.OPERATIONAL),
                affected.stream().map(CorrelationTest::client).toList(),
                suggested.stream().map(CorrelationTest::client).toList(), List.of("app-02"),
                List.of(), List.of(), false, measures, Instant.now(), false, 60,
                List.of(new RuleFired("baseline", "test", "severity " + severity)), "v1");
    }

    private static AffectedClient client(String id) {
        return new AffectedClient(id, List.of("app-02"), List.of(), List.of(), false);
    }
}
