package io.vigie.triage.inventory;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.ClientDirectoryChange;
import io.vigie.events.ClientDirectoryChanged;
import io.vigie.events.Topics;
import io.vigie.triage.TriageIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue "An analyst's day without friction", 2: an inventory entry bound to a client that notification-service's
 * directory does not hold is kept, and shown: in the API answers, a filter and a gauge.
 */
class InventoryDirectoryIT extends TriageIntegrationTest {

    private static final String GAUGE = "vigie.triage.inventory.unknown.clients";

    @Autowired
    private MeterRegistry meters;

    @Test
    void shouldMarkAnEntryBoundToAClientTheDirectoryDoesNotHoldUntilTheDirectorySaysItExists() throws Exception {
        // given a client the directory holds, and one it does not hold yet
        String known = "known-" + UUID.randomUUID();
        String late = "late-" + UUID.randomUUID();
        directory(known, ClientDirectoryChange.SAVED, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> unknownClientsOf(probe(known)).isEmpty());
        double before = gauge();

        // when a manager binds an asset to both
        String name = "vpn-" + UUID.randomUUID();
        HttpResponse<String> saved = send("PUT", "/api/inventory/" + name, MANAGER, "application/json",
                "{\"criticality\":\"HIGH\",\"clients\":[\"" + known + "\",\"" + late + "\"]}");

        // then it is kept, with the unknown client named and a warning
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(saved.body());
        assertThat(answer.get("unknownClients").toString()).isEqualTo("[\"" + late + "\"]");
        assertThat(answer.at("/warnings/0").asString()).contains(name, late, "not in the client directory");
        assertThat(getJson("/api/inventory/" + name, VIEWER).get("unknownClients").toString())
                .isEqualTo("[\"" + late + "\"]");
        assertThat(names(getJson("/api/inventory?unknownClients=true", VIEWER))).contains(name);
        assertThat(names(getJson("/api/inventory?unknownClients=false", VIEWER))).doesNotContain(name);
        assertThat(gauge()).isEqualTo(before + 1);

        // when the directory publishes the late client
        directory(late, ClientDirectoryChange.SAVED, Instant.now());

        // then the entry is no longer marked, and the gauge no longer counts it
        await().atMost(Duration.ofSeconds(30)).until(() -> unknownClientsOf(name).isEmpty());
        assertThat(names(getJson("/api/inventory?unknownClients=true", VIEWER))).doesNotContain(name);
        assertThat(gauge()).isEqualTo(before);

        // when the directory removes the known client, and an older save of it is replayed afterwards
        Instant removedAt = Instant.now();
        directory(known, ClientDirectoryChange.REMOVED, removedAt);
        directory(known, ClientDirectoryChange.SAVED, removedAt.minusSeconds(60));
        String sentinel = "sentinel-" + UUID.randomUUID();
        directory(sentinel, ClientDirectoryChange.SAVED, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> unknownClientsOf(probe(sentinel)).isEmpty());

        // then the entry names it as unknown: the replay did not bring it back
        await().atMost(Duration.ofSeconds(30)).until(() -> unknownClientsOf(name).equals(List.of(known)));
    }

    @Test
    void shouldWarnAboutTheUnknownClientsOfAnImportAndImportItAll() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID();
        String name = "crm-" + UUID.randomUUID();

        HttpResponse<String> imported = send("POST", "/api/inventory/import", MANAGER, "text/csv",
                "name,kind,criticality,clients,dataCategories\n" + name + ",ASSET,HIGH," + ghost + ",PERSONAL\n");

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(imported.body());
        assertThat(answer.get("imported").asInt()).isEqualTo(1);
        assertThat(answer.get("unknownClients").toString()).isEqualTo("[\"" + ghost + "\"]");
        assertThat(answer.at("/warnings/0").asString()).contains(name, ghost);
        assertThat(getJson("/api/inventory/" + name, VIEWER).get("clients").toString())
                .isEqualTo("[\"" + ghost + "\"]");
    }

    /** An asset of its own bound to the client only: its unknownClients say whether the directory holds it. */
    private String probe(String clientId) throws Exception {
        String name = "probe-" + clientId;
        send("PUT", "/api/inventory/" + name, MANAGER, "application/json",
                "{\"criticality\":\"LOW\",\"clients\":[\"" + clientId + "\"]}");
        return name;
    }

    private List<String> unknownClientsOf(String name) throws Exception {
        List<String> unknown = new ArrayList<>();
        getJson("/api/inventory/" + name, VIEWER).get("unknownClients").forEach(id -> unknown.add(id.asString()));
        return unknown;
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    private double gauge() {
        return meters.get(GAUGE).gauge().value();
    }

    private void directory(String clientId, ClientDirectoryChange change, Instant at) {
        kafka.send(Topics.CLIENT_DIRECTORY, clientId, ClientDirectoryChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(at).setProducer("notification-service")
                .setClientId(clientId).setChange(change)
                .setName(change == ClientDirectoryChange.REMOVED ? null : "Client " + clientId)
                .setLanguages(List.of("fr")).build()).join();
    }
    @Test
    void shouldNameTheFieldAndTheAllowedValuesOfAnUnknownCodeOrFlag() throws Exception {
        HttpResponse<String> refused = send("PUT", "/api/inventory/bad-" + UUID.randomUUID(), MANAGER,
                "application/json", "{\"kind\":\"VM\",\"criticality\":\"EXTREME\",\"dataCategories\":[\"DNA\"]}");
        HttpResponse<String> flag = send("GET", "/api/inventory?unknownClients=maybe", VIEWER, null, null);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("kind");
        assertThat(errors.get(0).get("allowed").toString()).isEqualTo("[\"ASSET\",\"SERVICE\"]");
        assertThat(errors.get(1).get("field").asString()).isEqualTo("criticality");
        assertThat(errors.get(1).get("allowed").toString()).isEqualTo("[\"CRITICAL\",\"HIGH\",\"MEDIUM\",\"LOW\"]");
        assertThat(errors.get(2).get("field").asString()).isEqualTo("dataCategories");
        assertThat(errors.get(2).get("allowed").toString()).contains("\"PERSONAL\"");
        assertThat(flag.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(flag.body()).at("/errors/0/field").asString()).isEqualTo("unknownClients");
        assertThat(JSON.readTree(flag.body()).at("/errors/0/allowed").toString()).isEqualTo("[\"true\",\"false\"]");
    }
}
