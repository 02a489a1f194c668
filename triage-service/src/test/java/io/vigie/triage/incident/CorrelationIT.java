package io.vigie.triage.incident;

import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClassificationChange;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;
import io.vigie.events.ResponseMetrics;
import io.vigie.events.RuleFired;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.events.Topics;
import io.vigie.triage.TriageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CorrelationIT extends TriageIntegrationTest {

    @Test
    void shouldEscalateTheOpenIncidentWhenAMoreSevereAlertAboutTheSameAssetArrives() throws Exception {
        String asset = knownAsset("web", "ASSET", "MEDIUM", "acme", "OPERATIONAL");
        AlertRaised trojan = malware(asset, "Trojan detected on " + asset);
        AlertRaised ransomware = malware(asset, "Ransomware encrypting files on " + asset);
        AlertRaised again = malware(asset, "Trojan detected again on " + asset);

        publish(trojan);
        AlertClassified opened = awaitClassification(trojan);
        publish(ransomware);
        AlertClassified escalated = awaitClassification(ransomware);
        publish(again);
        AlertClassified attached = awaitClassification(again);

        assertThat(opened.getChange()).isEqualTo(ClassificationChange.OPENED);
        assertThat(opened.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(escalated.getChange()).isEqualTo(ClassificationChange.ESCALATED);
        assertThat(escalated.getIncidentId()).isEqualTo(opened.getIncidentId());
        assertThat(escalated.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(escalated.getPreviousSeverity()).isEqualTo(Severity.HIGH);
        assertThat(escalated.getRelatedAlertCount()).isEqualTo(2);
        assertThat(rules(escalated)).contains("ransomware").last().isEqualTo("correlation");
        assertThat(attached.getChange()).isEqualTo(ClassificationChange.ATTACHED);
        assertThat(attached.getIncidentId()).isEqualTo(opened.getIncidentId());
        assertThat(attached.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(attached.getRelatedAlertCount()).isEqualTo(3);

        JsonNode queue = getJson("/api/incidents?limit=500", VIEWER);
        List<Integer> priorities = new ArrayList<>();
        queue.forEach(entry -> priorities.add(entry.get("priority").asInt()));
        assertThat(priorities).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        JsonNode entry = entryOf(queue, opened.getIncidentId());
        assertThat(entry.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(entry.get("alertCount").asInt()).isEqualTo(3);
    }

    @Test
    void shouldEscalateWithTheSameSeverityWhenAJoiningAlertBringsANewClient() throws Exception {
        String clientA = "client-a-" + UUID.randomUUID();
        String clientB = "client-b-" + UUID.randomUUID();
        String assetA = knownAsset("app", "ASSET", "MEDIUM", clientA, "OPERATIONAL");
        String assetB = knownAsset("app", "ASSET", "MEDIUM", clientB, "OPERATIONAL");
        String reference = "wazuh-rule-510:" + UUID.randomUUID(); // same source reference: the same correlation key
        AlertRaised first = alert(a -> a.setSource(SourceKind.WAZUH).setSourceReference(reference).setAsset(assetA)
                .setTitle("Trojan detected on " + assetA).setTags(List.of("malware")));
        AlertRaised second = alert(a -> a.setSource(SourceKind.WAZUH).setSourceReference(reference).setAsset(assetB)
                .setTitle("Trojan detected on " + assetB).setTags(List.of("malware")));

        publish(first);
        AlertClassified opened = awaitClassification(first);
        publish(second);
        AlertClassified escalated = awaitClassification(second);

        assertThat(opened.getChange()).isEqualTo(ClassificationChange.OPENED);
        assertThat(opened.getAffectedClients()).extracting(AffectedClient::getClientId).containsExactly(clientA);
        assertThat(escalated.getChange()).isEqualTo(ClassificationChange.ESCALATED);
        assertThat(escalated.getIncidentId()).isEqualTo(opened.getIncidentId());
        assertThat(escalated.getSeverity()).isEqualTo(opened.getSeverity());
        assertThat(escalated.getPreviousSeverity()).isEqualTo(opened.getSeverity());
        assertThat(escalated.getAffectedClients()).extracting(AffectedClient::getClientId)
                .containsExactlyInAnyOrder(clientA, clientB);
        assertThat(escalated.getRationale()).filteredOn(rule -> rule.getRuleId().equals("scope-growth"))
                .singleElement().extracting(RuleFired::getEffect).isEqualTo("clients +" + clientB);
        assertThat(escalated.getRelatedAlertCount()).isEqualTo(2);
    }

    @Test
    void shouldKeepASuggestedClientOnTheIncidentUntilABoundSourceMakesItAffected() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String named = "named-" + UUID.randomUUID();
        String asset = knownAsset("app", "ASSET", "MEDIUM", owner, "OPERATIONAL");
        String reference = "edr-case:" + UUID.randomUUID(); // same source reference: the same correlation key
        AlertRaised fromSoc = alert(a -> a.setSourceName("soc-edr").setSourceReference(reference).setAsset(asset)
                .setTitle("Trojan detected on " + asset).setTags(List.of("malware")).setClientHint(named));
        AlertRaised fromTheClientsOwnSiem = alert(a -> a.setSourceName("named-siem").setSourceReference(reference)
                .setAsset(asset).setTitle("Trojan detected on " + asset).setTags(List.of("malware"))
                .setBoundClients(List.of(named)).setClientHint(named));

        publish(fromSoc);
        AlertClassified opened = awaitClassification(fromSoc);
        JsonNode suggested = getJson("/api/incidents/" + opened.getIncidentId(), VIEWER);
        JsonNode queued = entryOf(getJson("/api/incidents?limit=500", VIEWER), opened.getIncidentId());
        publish(fromTheClientsOwnSiem);
        AlertClassified escalated = awaitClassification(fromTheClientsOwnSiem);

        assertThat(opened.getAffectedClients()).extracting(AffectedClient::getClientId).containsExactly(owner);
        assertThat(opened.getSuggestedClients()).extracting(AffectedClient::getClientId).containsExactly(named);
        assertThat(opened.getRationale()).extracting(RuleFired::getDescription).contains("client " + named
                + " named by source soc-edr which is not bound to it; an analyst must confirm");
        assertThat(suggested.at("/classification/suggestedClients/0/clientId").asString()).isEqualTo(named);
        assertThat(suggested.at("/classification/affectedClients").size()).isEqualTo(1);
        assertThat(queued.get("clients").toString()).doesNotContain(named);
        assertThat(queued.at("/suggestedClients/0").asString()).isEqualTo(named);
        assertThat(escalated.getChange()).isEqualTo(ClassificationChange.ESCALATED);
        assertThat(escalated.getIncidentId()).isEqualTo(opened.getIncidentId());
        assertThat(escalated.getAffectedClients()).extracting(AffectedClient::getClientId).containsExactly(owner, named);
        assertThat(escalated.getSuggestedClients()).isEmpty();
        assertThat(escalated.getRationale()).filteredOn(rule -> rule.getRuleId().equals("scope-growth"))
                .singleElement().extracting(RuleFired::getEffect).isEqualTo("clients +" + named);
        assertThat(getJson("/api/incidents/" + opened.getIncidentId(), VIEWER)
                .at("/classification/suggestedClients").size()).isZero();
    }

    @Test
    void shouldOpenANewIncidentOnceTheOpenOneIsResolvedAndIgnoreTheResolutionReplayed() throws Exception {
        String asset = knownAsset("srv", "ASSET", "MEDIUM", "acme", "OPERATIONAL");
        AlertRaised first = malware(asset, "Trojan detected on " + asset);
        AlertRaised after = malware(asset, "Trojan detected again on " + asset);
        publish(first);
        UUID incidentId = awaitClassification(first).getIncidentId();
        assertThat(entryOf(getJson("/api/incidents?limit=500", VIEWER), incidentId)).isNotNull();
        IncidentResolved resolution = resolution(incidentId, Instant.now().truncatedTo(ChronoUnit.MILLIS));

        kafka.send(Topics.INCIDENT_RESOLVED, incidentId.toString(), resolution).join();
        await().atMost(Duration.ofSeconds(60)).until(() -> resolvedAt(incidentId) != null);
        Instant resolvedAt = resolvedAt(incidentId);
        assertThat(entryOf(getJson("/api/incidents?limit=500&includeSourceResolved=true", VIEWER), incidentId)).isNull();
        publish(after);
        AlertClassified reopened = awaitClassification(after);

        assertThat(reopened.getChange()).isEqualTo(ClassificationChange.OPENED);
        assertThat(reopened.getIncidentId()).isNotEqualTo(incidentId);
        assertThat(reopened.getRelatedAlertCount()).isEqualTo(1);

        IncidentResolved later = resolution(incidentId, resolution.getResolvedAt().plusSeconds(3600));
        kafka.send(Topics.INCIDENT_RESOLVED, incidentId.toString(), resolution).join(); // replayed
        kafka.send(Topics.INCIDENT_RESOLVED, incidentId.toString(), later).join(); // same partition, after the replay
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class, later.getEventId()) == 1);
        assertThat(resolvedAt(incidentId)).isEqualTo(resolvedAt);
        assertThat(classificationsOfIncident(incidentId)).hasSize(1);
        assertThat(entryOf(getJson("/api/incidents?limit=500", VIEWER), reopened.getIncidentId())).isNotNull();
        assertThat(entryOf(getJson("/api/incidents?limit=500", VIEWER), incidentId)).isNull();
    }

    @Test
    void shouldOpenANewIncidentOnceTheOpenOneIsClosed() throws Exception {
        String asset = knownAsset("srv", "ASSET", "MEDIUM", "acme", "OPERATIONAL");
        AlertRaised first = malware(asset, "Trojan detected on " + asset);
        AlertRaised after = malware(asset, "Trojan detected again on " + asset);
        publish(first);
        UUID incidentId = awaitClassification(first).getIncidentId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        kafka.send(Topics.INCIDENT_CLOSED, incidentId.toString(), IncidentClosed.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("postmortem-service")
                .setIncidentId(incidentId).setPostmortemId(UUID.randomUUID()).setApprovedBy("manager")
                .setApprovedAt(now).setRootCause("an unpatched server").setMetrics(ResponseMetrics.newBuilder().build())
                .setAffectedClientIds(List.of("acme")).build()).join();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT closed_at FROM incident WHERE id = ?", Timestamp.class, incidentId) != null);
        publish(after);
        AlertClassified reopened = awaitClassification(after);

        assertThat(reopened.getChange()).isEqualTo(ClassificationChange.OPENED);
        assertThat(reopened.getIncidentId()).isNotEqualTo(incidentId);
        assertThat(entryOf(getJson("/api/incidents?limit=500&includeSourceResolved=true", VIEWER), incidentId)).isNull();
    }

    @Test
    void shouldAttachASourceResolvedAlertToItsIncidentAndDropItFromTheQueue() throws Exception {
        String service = knownAsset("svc", "SERVICE", "MEDIUM", "acme", "OPERATIONAL");
        String reference = "{}:{alertname=\"InstanceDown\"}" + UUID.randomUUID();
        AlertRaised firing = alert(a -> a.setSource(SourceKind.ALERTMANAGER).setSourceReference(reference)
                .setTitle("InstanceDown: " + service + " is unreachable").setService(service));
        AlertRaised resolved = alert(a -> a.setSource(SourceKind.ALERTMANAGER).setSourceReference(reference)
                .setTitle("InstanceDown: " + service + " is unreachable").setService(service).setResolvedBySource(true));

        publish(firing);
        AlertClassified opened = awaitClassification(firing);
        assertThat(entryOf(getJson("/api/incidents?limit=500", VIEWER), opened.getIncidentId())).isNotNull();
        publish(resolved);
        AlertClassified attached = awaitClassification(resolved);

        assertThat(attached.getChange()).isEqualTo(ClassificationChange.ATTACHED);
        assertThat(attached.getIncidentId()).isEqualTo(opened.getIncidentId());
        assertThat(attached.getRationale().get(attached.getRationale().size() - 1).getEffect()).contains("source says resolved");
        assertThat(entryOf(getJson("/api/incidents?limit=500", VIEWER), opened.getIncidentId())).isNull();
        assertThat(entryOf(getJson("/api/incidents?limit=500&includeSourceResolved=true", VIEWER), opened.getIncidentId()))
                .isNotNull();
    }

    @Test
    void shouldNeverOpenAnIncidentForASourceResolvedAlertAlone() {
        String asset = "orphan-" + UUID.randomUUID();
        AlertRaised resolved = alert(a -> a.setSource(SourceKind.ALERTMANAGER).setAsset(asset).setResolvedBySource(true)
                .setTitle("InstanceDown: " + asset + " is unreachable"));
        AlertRaised after = alert(a -> a.setAsset(asset).setTitle("Disk almost full on " + asset));

        publish(resolved);
        publish(after); // same key, same partition: once it is classified, the resolved alert was handled

        awaitClassification(after);
        assertThat(classificationsOf(resolved.getAlertId())).isEmpty();
    }

    @Test
    void shouldChangeNothingWhenTheSameAlertRaisedIsDeliveredAgain() {
        String asset = "replay-" + UUID.randomUUID();
        AlertRaised alert = alert(a -> a.setAsset(asset).setTitle("Trojan detected on " + asset).setTags(List.of("malware")));
        AlertRaised after = alert(a -> a.setAsset(asset).setTitle("Disk almost full on " + asset));

        publish(alert);
        awaitClassification(alert);
        publish(alert);
        publish(alert);
        publish(after);

        awaitClassification(after);
        assertThat(classificationsOf(alert.getAlertId())).hasSize(1);
        assertThat(classificationsOf(after.getAlertId())).singleElement()
                .extracting(AlertClassified::getIncidentId).isNotEqualTo(classificationsOf(alert.getAlertId()).get(0).getIncidentId());
    }

    @Test
    void shouldKeepAStormOfAlertsAboutOneAssetInOneIncident() throws Exception {
        int storm = 2_000;
        String asset = "storm-" + UUID.randomUUID();
        List<AlertRaised> alerts = new ArrayList<>();
        for (int i = 0; i < storm; i++) {
            // every alert is its own Splunk search result: only the asset and the kind of threat tie them together
            alerts.add(alert(a -> a.setSource(SourceKind.SPLUNK).setAsset(asset).setTitle("Trojan detected on " + asset)
                    .setTags(List.of("malware"))));
        }
        List<CompletableFuture<?>> sent = new ArrayList<>();
        alerts.forEach(alert -> sent.add(kafka.send(Topics.ALERT_RAISED, asset, alert)));
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();

        UUID incidentId = awaitClassification(alerts.get(0)).getIncidentId();
        await().atMost(Duration.ofSeconds(90)).until(
                () -> getJson("/api/incidents/" + incidentId, VIEWER).get("alertCount").asInt() == storm);
        await().atMost(Duration.ofSeconds(30)).until(() -> classificationsOfIncident(incidentId).stream()
                .anyMatch(event -> event.getRelatedAlertCount() == storm));

        List<AlertClassified> published = classificationsOfIncident(incidentId);
        assertThat(published).filteredOn(event -> event.getChange() == ClassificationChange.OPENED).hasSize(1);
        assertThat(published).extracting(AlertClassified::getChange).containsOnly(
                ClassificationChange.OPENED, ClassificationChange.ATTACHED);
        // the first ten one by one, then every hundredth: 10 + 20
        assertThat(published).hasSize(30);
        System.out.printf("storm: %d alerts -> 1 incident, %d AlertClassified published%n", storm, published.size());
    }

    private static AlertRaised malware(String asset, String title) {
        return alert(a -> a.setSource(SourceKind.WAZUH).setAsset(asset).setTitle(title).setTags(List.of("malware")));
    }

    private static IncidentResolved resolution(UUID incidentId, Instant resolvedAt) {
        return IncidentResolved.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(resolvedAt).setProducer("case-service")
                .setIncidentId(incidentId).setResolvedAt(resolvedAt).setResolvedBy("analyst")
                .setSeverity(Severity.HIGH).setCategory(IncidentCategory.MALWARE)
                .setSummary("The trojan was removed and the server restored").setCorrectiveActions(List.of("Reimaged"))
                .setDataCompromised(false).setAffectedClientIds(List.of("acme")).build();
    }

    private Instant resolvedAt(UUID incidentId) {
        Timestamp at = jdbc.queryForObject("SELECT resolved_at FROM incident WHERE id = ?", Timestamp.class, incidentId);
        return at == null ? null : at.toInstant();
    }

    private static JsonNode entryOf(JsonNode queue, UUID incidentId) {
        for (JsonNode entry : queue) {
            if (entry.get("id").asString().equals(incidentId.toString())) {
                return entry;
            }
        }
        return null;
    }
}
