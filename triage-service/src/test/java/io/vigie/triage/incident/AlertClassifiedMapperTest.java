package io.vigie.triage.incident;

import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.Measure;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.inventory.InventoryMatch;
import io.vigie.triage.policy.Classification;
import io.vigie.triage.policy.PolicyEvaluator;
import io.vigie.triage.policy.PolicyParser;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.vigie.triage.alert.AlertBuilder.alert;
import static org.assertj.core.api.Assertions.assertThat;

/** What notification-service reads: codes and client ids, never a sentence for a client. */
class AlertClassifiedMapperTest {

    @Test
    void shouldMirrorEveryMeasureOfTheContract() {
        assertThat(Arrays.stream(Measure.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(io.vigie.events.Measure.values()).map(Enum::name).toList());
    }

    @Test
    void shouldPublishMeasuresAsCodesAndSuggestedClientsApartAndNoClientWording() throws IOException {
        Alert alert = alert().title("Account jdoe locked after 6 failed logins").tag("authentication_failures")
                .hint(Severity.MEDIUM).asset("ghost-07").clientHint("acme").build();
        Classification classification = PolicyEvaluator.classify(PolicyParser.parse(new ClassPathResource(
                        "policy/default-policy.yml").getContentAsString(StandardCharsets.UTF_8)), alert,
                InventoryMatch.of(List.of(), List.of("ghost-07")), List.of());
        Correlation.Outcome outcome = Correlation.decide(Optional.empty(), alert, classification,
                CorrelationSettings.defaults(), UUID.randomUUID());

        AlertClassified event = AlertClassifiedMapper.toEvent(outcome, alert, Instant.now());

        assertThat(event.getMeasures()).containsExactly(io.vigie.events.Measure.ACCOUNT_LOCKED,
                io.vigie.events.Measure.ATTACK_SOURCES_BLOCKED);
        assertThat(event.getAffectedClients()).isEmpty();
        assertThat(event.getSuggestedClients()).extracting(AffectedClient::getClientId).containsExactly("acme");
        assertThat(event.getEstimatedResolutionAt()).isNotNull();
        assertThat(event.getImpact()).isNull();
        assertThat(event.getMeasuresTaken()).isEmpty();
        assertThat(event.getResolutionPlan()).isNull();
        assertThat(event.getRecommendedActions()).isEmpty();
    }
}
