package io.vigie.triage.incident;

import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import io.vigie.triage.TriageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The work queue as an analyst reads it ({@code GET /api/incidents}), fed with alerts as alert-intake-service
 * normalises real SIEM payloads (issue #23): a Wazuh backlog delivered two days late, and alerts about hosts the
 * inventory does not know from sources bound to no client.
 */
class WorkQueueIT extends TriageIntegrationTest {

    @Test
    void shouldListTheIncidentOfAnAlertDetectedTwoDaysAgo() throws Exception {
        // given the Wazuh manager catching up after an outage: an sshd brute force detected two days ago, sent now
        String bastion = knownAsset("bastion", "ASSET", "HIGH", "acme", "CREDENTIALS");
        Instant detected = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
        AlertRaised late = wazuhBruteForce(bastion, detected);

        // when triage classifies it
        publish(late);
        UUID incidentId = awaitClassification(late).getIncidentId();

        // then the analysts' queue lists its incident, with the alert's own detection time
        JsonNode entry = entryOf(getJson("/api/incidents?limit=500", VIEWER), incidentId);
        assertThat(entry).as("an open incident whose alert is older than the correlation window").isNotNull();
        assertThat(entry.get("firstDetected").asString()).isEqualTo(detected.toString());
        assertThat(entry.get("lastDetected").asString()).isEqualTo(detected.toString());
        assertThat(entry.get("clients").toString()).isEqualTo("[\"acme\"]");
        assertThat(entry.get("attribution").asString()).isEqualTo("NOT_NEEDED");
    }

    @Test
    void shouldKeepAnIncidentWhoseClientsNobodyKnowsQueuedEvenSourceResolvedUntilAnAnalystDismissesIt()
            throws Exception {
        // given Alertmanager, bound to no client, saying a host the inventory does not know is down, then back up
        String host = "build-runner-" + UUID.randomUUID();
        AlertRaised firing = alertmanagerInstanceDown(host, false);
        AlertRaised resolved = alertmanagerInstanceDown(host, true);
        publish(firing);
        AlertClassified opened = awaitClassification(firing);
        assertThat(opened.getNotifyClients()).isTrue();
        assertThat(opened.getAffectedClients()).isEmpty();
        assertThat(opened.getSuggestedClients()).isEmpty();
        UUID incidentId = opened.getIncidentId();
        assertThat(entryOf(getJson("/api/incidents?limit=500", VIEWER), incidentId).get("attribution").asString())
                .isEqualTo("AWAITING");

        // when the source says it is over
        publish(resolved);
        awaitClassification(resolved);

        // then it stays in the default queue, waiting for someone to name its client
        JsonNode waiting = entryOf(getJson("/api/incidents?limit=500", VIEWER), incidentId);
        assertThat(waiting).isNotNull();
        assertThat(waiting.get("sourceResolved").asBoolean()).isTrue();
        assertThat(waiting.get("attribution").asString()).isEqualTo("AWAITING");
        assertThat(waiting.get("clients").size()).isZero();

        // when an analyst decides on the case that no client is to be told (case-service: no client confirmed)
        IncidentUpdated dismissal = clientsConfirmed(incidentId, "alice", List.of());
        kafka.send(Topics.INCIDENT_UPDATED, incidentId.toString(), dismissal).join();
        kafka.send(Topics.INCIDENT_UPDATED, incidentId.toString(), dismissal).join(); // redelivered

        // then it leaves the default queue, and says why where source-resolved incidents are listed
        await().atMost(Duration.ofSeconds(60)).until(
                () -> entryOf(getJson("/api/incidents?limit=500", VIEWER), incidentId) == null);
        assertThat(entryOf(getJson("/api/incidents?limit=500&includeSourceResolved=true", VIEWER), incidentId)
                .get("attribution").asString()).isEqualTo("DISMISSED");
        assertThat(jdbc.queryForObject("SELECT attribution_by FROM incident WHERE id = ?", String.class, incidentId))
                .isEqualTo("alice");
    }

    @Test
    void shouldMarkAnIncidentWhoseClientsNobodyKnewAttributedOnceAnAnalystNamesOne() throws Exception {
        // given Wazuh, bound to no client, reporting a brute force on a host the inventory does not know
        String host = "bastion-" + UUID.randomUUID();
        AlertRaised alert = wazuhBruteForce(host, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        publish(alert);
        UUID incidentId = awaitClassification(alert).getIncidentId();
        assertThat(entryOf(getJson("/api/incidents?limit=500", VIEWER), incidentId).get("attribution").asString())
                .isEqualTo("AWAITING");

        // when an analyst names acme on the case, and an update of another kind follows
        kafka.send(Topics.INCIDENT_UPDATED, incidentId.toString(), clientsConfirmed(incidentId, "bob",
                List.of("acme"))).join();
        IncidentUpdated note = IncidentUpdated.newBuilder(clientsConfirmed(incidentId, "carol", List.of()))
                .setEventId(UUID.randomUUID()).setKind(UpdateKind.NOTE).setMessage("Host belongs to acme's CI").build();
        kafka.send(Topics.INCIDENT_UPDATED, incidentId.toString(), note).join();

        // then it no longer waits for a client, and stays in the queue: it is still open
        await().atMost(Duration.ofSeconds(60)).until(() -> "ATTRIBUTED".equals(
                entryOf(getJson("/api/incidents?limit=500", VIEWER), incidentId).get("attribution").asString()));
        assertThat(jdbc.queryForObject("SELECT attribution_by FROM incident WHERE id = ?", String.class, incidentId))
                .isEqualTo("bob");
    }

    /**
     * Wazuh rule 5712 as the manager's integration posts it, normalised by intake: the agent's name is the asset, the
     * rule's groups and MITRE ids are tags, the rest flattened into attributes.
     */
    private static AlertRaised wazuhBruteForce(String agent, Instant timestamp) {
        return alert(a -> a.setSource(SourceKind.WAZUH).setSourceName("wazuh-soc")
                .setSourceReference(timestamp.getEpochSecond() + "." + UUID.randomUUID())
                .setTitle("sshd: brute force trying to get access to the system. Non existent user.")
                .setDescription("Nov 23 01:59:11 bastion sshd[24511]: Invalid user oracle from 203.0.113.77 port 50422")
                .setSourceSeverity("level 10").setSeverityHint(Severity.HIGH).setDetectedAt(timestamp)
                .setAsset(agent).setAccounts(List.of("oracle")).setIpAddresses(List.of("10.20.0.14", "203.0.113.77"))
                .setTags(List.of("syslog", "sshd", "authentication_failures", "T1110"))
                .setAttributes(Map.of("rule.id", "5712", "rule.level", "10", "agent.id", "003", "agent.name", agent,
                        "data.srcip", "203.0.113.77", "data.srcuser", "oracle", "location", "/var/log/auth.log")));
    }

    /** Prometheus Alertmanager's InstanceDown for a node exporter, firing or resolved, as intake normalises it. */
    private static AlertRaised alertmanagerInstanceDown(String host, boolean resolved) {
        String reference = "{}:{alertname=\"InstanceDown\"}/" + host.hashCode();
        return alert(a -> a.setSource(SourceKind.ALERTMANAGER).setSourceName("alertmanager-soc")
                .setSourceReference(reference).setResolvedBySource(resolved)
                .setTitle("Instance " + host + ":9100 down")
                .setDescription(host + ":9100 of job node has been down for more than 5 minutes.")
                .setSourceSeverity("critical").setSeverityHint(Severity.CRITICAL).setAsset(host).setService("node")
                .setTags(List.of("InstanceDown"))
                .setAttributes(Map.of("label.alertname", "InstanceDown", "label.instance", host + ":9100",
                        "label.job", "node", "label.severity", "critical",
                        "alertmanager.status", resolved ? "resolved" : "firing")));
    }

    /** case-service's IncidentUpdated CLIENTS_CONFIRMED: the clients an analyst named, or none (no client to tell). */
    private static IncidentUpdated clientsConfirmed(UUID incidentId, String actor, List<String> clients) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return IncidentUpdated.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now)
                .setProducer("case-service").setIncidentId(incidentId).setKind(UpdateKind.CLIENTS_CONFIRMED)
                .setActor(actor).setStatus(IncidentStatus.IN_PROGRESS).setSeverity(Severity.HIGH)
                .setMessage(clients.isEmpty() ? "No client to notify: SOC lab host" : "Client " + clients.get(0)
                        + " confirmed as affected")
                .setNotifyClients(!clients.isEmpty()).setConfirmedClients(clients).build();
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
