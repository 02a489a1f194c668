package io.vigie.triage.inventory;

import io.vigie.triage.TriageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InventoryApiIT extends TriageIntegrationTest {

    @Test
    void shouldRefuseACsvImportWithAMistakeNamingItsLineAndImportNothing() throws Exception {
        String good = "good-" + UUID.randomUUID();
        String csv = """
                name,kind,criticality,clients,dataCategories
                %s,ASSET,HIGH,acme,PERSONAL
                bad-%s,ASSET,VERY_HIGH,acme,PERSONAL
                """.formatted(good, good);

        HttpResponse<String> refused = send("POST", "/api/inventory/import", MANAGER, "text/csv", csv);

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("field").asString()).isEqualTo("criticality");
        assertThat(send("GET", "/api/inventory/" + good, VIEWER, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldImportCsvWithQuotedValuesAndListsAndServeItToAViewer() throws Exception {
        String name = "crm-" + UUID.randomUUID();
        String csv = "name,kind,criticality,clients,dataCategories,description\n"
                + name + ",ASSET,CRITICAL,acme;globex,PERSONAL;FINANCIAL,\"Shared CRM, customers' \"\"contact\"\" details\"\n";

        HttpResponse<String> imported = send("POST", "/api/inventory/import", MANAGER, "text/csv", csv);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode item = getJson("/api/inventory/" + name, VIEWER);
        assertThat(item.get("clients").toString()).isEqualTo("[\"acme\",\"globex\"]");
        assertThat(item.get("dataCategories").toString()).isEqualTo("[\"PERSONAL\",\"FINANCIAL\"]");
        assertThat(item.get("description").asString()).isEqualTo("Shared CRM, customers' \"contact\" details");
    }

    @Test
    void shouldImportYamlAndServeItToAViewer() throws Exception {
        String name = "yaml-" + UUID.randomUUID();
        String yaml = """
                items:
                  - name: %s
                    kind: service
                    criticality: critical
                    clients: [acme, globex]
                    dataCategories: [health]
                """.formatted(name);

        HttpResponse<String> imported = send("POST", "/api/inventory/import", MANAGER, "application/yaml", yaml);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode item = getJson("/api/inventory/" + name.toUpperCase(), VIEWER);
        assertThat(item.get("kind").asString()).isEqualTo("SERVICE");
        assertThat(item.get("criticality").asString()).isEqualTo("CRITICAL");
        assertThat(item.get("clients").toString()).isEqualTo("[\"acme\",\"globex\"]");
        assertThat(item.get("dataCategories").toString()).isEqualTo("[\"HEALTH\"]");
    }

    @Test
    void shouldLetAManagerEditAndDeleteAndAViewerOnlyRead() throws Exception {
        String name = "edit-" + UUID.randomUUID();
        String body = "{\"criticality\":\"LOW\",\"clients\":[\"acme\"]}";

        assertThat(send("PUT", "/api/inventory/" + name, VIEWER, "application/json", body).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/inventory", null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("PUT", "/api/inventory/" + name, MANAGER, "application/json", body).statusCode()).isEqualTo(200);
        assertThat(getJson("/api/inventory/" + name, VIEWER).get("criticality").asString()).isEqualTo("LOW");
        assertThat(send("DELETE", "/api/inventory/" + name, MANAGER, null, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/inventory/" + name, VIEWER, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseAnEntryWithAnUnknownDataCategoryNamingTheField() throws Exception {
        HttpResponse<String> refused = send("PUT", "/api/inventory/x-" + UUID.randomUUID(), MANAGER, "application/json",
                "{\"criticality\":\"LOW\",\"dataCategories\":[\"GOSSIP\"]}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("field").asString()).isEqualTo("dataCategories");
    }

    @Test
    void shouldTakeUpAnInventoryChangeMadeThroughAnotherInstance() throws Exception {
        String name = "elsewhere-" + UUID.randomUUID();
        // another instance's import, straight into the shared database
        jdbc.update("INSERT INTO inventory_item (name_key, name, kind, criticality, clients, data_categories, updated_at) "
                + "VALUES (?, ?, 'ASSET', 'HIGH', 'acme', 'PERSONAL', ?)", name, name, Timestamp.from(Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(
                () -> send("GET", "/api/inventory/" + name, VIEWER, null, null).statusCode() == 200);
        assertThat(getJson("/api/inventory/" + name, VIEWER).get("dataCategories").toString()).isEqualTo("[\"PERSONAL\"]");
    }

    @Test
    void shouldKeepKnownIndicatorsEditableAndNormalised() throws Exception {
        String domain = "Evil-" + UUID.randomUUID() + ".example";

        assertThat(send("PUT", "/api/indicators/domain/" + domain, MANAGER, "application/json",
                "{\"description\":\"phishing kit host\"}").statusCode()).isEqualTo(200);
        JsonNode known = getJson("/api/indicators/DOMAIN/" + domain.toLowerCase(), VIEWER);
        assertThat(known.get("description").asString()).isEqualTo("phishing kit host");
        assertThat(send("PUT", "/api/indicators/colour/red", MANAGER, "application/json", "{}").statusCode()).isEqualTo(422);
        HttpResponse<String> csv = send("POST", "/api/indicators/import", MANAGER, "text/csv",
                "type,value,description\nCVE,CVE-2026-0001,known exploited\nIP,,missing\n");
        assertThat(csv.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(csv.body()).get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(send("DELETE", "/api/indicators/domain/" + domain, MANAGER, null, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/indicators/domain/" + domain, VIEWER, null, null).statusCode()).isEqualTo(404);
    }
}
