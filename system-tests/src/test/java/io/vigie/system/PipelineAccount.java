package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.Topics;
import io.vigie.localstack.VigieService;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The books every system test must balance, read from the topics and the case API: each accepted alert is one
 * AlertRaised and is accounted for in exactly one incident; each client is told once per notice (stage and sequence)
 * and contact; each incident's events are in order (its classifications on one partition, opened first; its case
 * timeline classification before notices, the hash chain intact).
 */
final class PipelineAccount {

    private PipelineAccount() {
    }

    /** Checks the books for these accepted alerts and returns the incident each one is accounted for in. */
    static Map<UUID, UUID> assertBalanced(VigieSystem system, Collection<UUID> acceptedAlertIds) {
        Set<UUID> accepted = Set.copyOf(acceptedAlertIds);

        Map<UUID, Long> raised = count(system.records(Topics.ALERT_RAISED_TOPIC, AlertRaised.class).stream()
                .map(record -> record.value().getAlertId()).filter(accepted::contains).toList());
        assertThat(raised).as("AlertRaised events per accepted alert").hasSize(accepted.size())
                .allSatisfy((alert, events) -> assertThat(events).as("AlertRaised for %s", alert).isEqualTo(1L));

        List<ConsumerRecord<String, AlertClassified>> classified = system.records(Topics.ALERT_CLASSIFIED_TOPIC,
                AlertClassified.class);
        Map<UUID, UUID> incidentOf = new LinkedHashMap<>();
        Map<UUID, Long> classifications = count(classified.stream().map(record -> record.value().getAlertId())
                .filter(accepted::contains).toList());
        assertThat(classifications).as("AlertClassified events per accepted alert").hasSize(accepted.size())
                .allSatisfy((alert, events) -> assertThat(events).as("AlertClassified for %s", alert).isEqualTo(1L));
        classified.stream().filter(record -> accepted.contains(record.value().getAlertId()))
                .forEach(record -> incidentOf.put(record.value().getAlertId(), record.value().getIncidentId()));

        List<ConsumerRecord<String, ClientNotified>> notified = system.records(Topics.CLIENT_NOTIFIED_TOPIC,
                ClientNotified.class);
        for (UUID incident : Set.copyOf(incidentOf.values())) {
            assertIncidentInOrder(system, incident, classified);
            Map<String, Long> sent = count(notified.stream()
                    .filter(record -> record.value().getIncidentId().equals(incident))
                    .filter(record -> record.value().getOutcome() == DeliveryOutcome.SENT)
                    .map(record -> record.value().getClientId() + "/" + record.value().getContactId() + "/"
                            + record.value().getStage() + "#" + record.value().getSequence())
                    .toList());
            assertThat(sent).as("notices sent per client, contact and stage of incident %s", incident)
                    .allSatisfy((notice, times) -> assertThat(times).as(notice).isEqualTo(1L));
        }
        return incidentOf;
    }

    private static void assertIncidentInOrder(VigieSystem system, UUID incident,
                                              List<ConsumerRecord<String, AlertClassified>> classified) {
        List<ConsumerRecord<String, AlertClassified>> ofIncident = classified.stream()
                .filter(record -> record.value().getIncidentId().equals(incident)).toList();
        assertThat(ofIncident.stream().map(ConsumerRecord::partition).distinct())
                .as("partitions of incident %s's classifications", incident).hasSize(1);
        assertThat(ofIncident.get(0).value().getChange()).as("first classification of %s", incident)
                .isEqualTo(ClassificationChange.OPENED);

        List<String> types = new ArrayList<>();
        JsonNode timeline = system.get(VigieService.CASE, "/api/cases/" + incident + "/timeline");
        assertThat(timeline).as("timeline of %s", incident).isNotNull();
        timeline.forEach(entry -> types.add(entry.get("type").asText()));
        if (types.contains("CLIENT_NOTIFIED")) {
            assertThat(types.indexOf("ALERT_CLASSIFIED")).as("timeline %s", types)
                    .isNotNegative().isLessThan(types.indexOf("CLIENT_NOTIFIED"));
        }
        JsonNode verification = system.get(VigieService.CASE, "/api/cases/" + incident + "/timeline/verification");
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    private static <T> Map<T, Long> count(List<T> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new,
                Collectors.counting()));
    }
}
