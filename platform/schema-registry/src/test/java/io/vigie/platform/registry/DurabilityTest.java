package io.vigie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurabilityTest extends RegistryServerTestSupport {

    @Test
    void shouldKeepIdsAndVersionsAcrossARestart() {
        int v1 = http.registerId("alerts-value", ALERT_V1);
        int v2 = http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);
        int shared = http.registerId("archive-value", ALERT_V1);

        restart();

        assertThat(http.get("/subjects").body()).isEqualTo("[\"alerts-value\",\"archive-value\"]");
        assertThat(http.get("/subjects/alerts-value/versions").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/alerts-value/versions/2").json().get("id").asInt()).isEqualTo(v2);
        assertThat(http.get("/schemas/ids/" + v1).json().get("schema").asText()).isEqualTo(ALERT_V1);
        assertThat(shared).isEqualTo(v1);
        assertThat(http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT)).isEqualTo(v2);
        assertThat(http.get("/subjects/alerts-value/versions").body()).isEqualTo("[1,2]");
    }

    @Test
    void shouldContinueNumberingIdsAfterARestart() {
        http.registerId("a-value", recordNamed("A"));
        http.registerId("b-value", recordNamed("B"));

        restart();

        assertThat(http.registerId("c-value", recordNamed("C"))).isEqualTo(3);
    }

    @Test
    void shouldKeepCompatibilityLevelsAcrossARestart() {
        http.put("/config", "{\"compatibility\":\"FULL\"}");
        http.put("/config/alerts-value", "{\"compatibility\":\"NONE\"}");
        http.put("/config/cases-value", "{\"compatibility\":\"FORWARD\"}");
        http.delete("/config/cases-value");

        restart();

        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(http.get("/config/alerts-value").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(http.get("/config/cases-value").errorCode()).isEqualTo(40408);
    }

    @Test
    void shouldKeepDeletionsAcrossARestart() {
        http.registerId("alerts-value", ALERT_V1);
        http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);
        int gone = http.registerId("gone-value", recordNamed("Gone"));
        http.delete("/subjects/alerts-value/versions/1");
        http.delete("/subjects/gone-value");
        http.delete("/subjects/gone-value?permanent=true");

        restart();

        assertThat(http.get("/subjects/alerts-value/versions").body()).isEqualTo("[2]");
        assertThat(http.get("/subjects/alerts-value/versions?deleted=true").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects?deleted=true").body()).isEqualTo("[\"alerts-value\"]");
        assertThat(http.get("/schemas/ids/" + gone).errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldWriteOneJsonLinePerChange() throws IOException {
        http.registerId("alerts-value", ALERT_V1);
        http.registerId("alerts-value", ALERT_V1);
        http.put("/config/alerts-value", "{\"compatibility\":\"FULL\"}");
        http.delete("/subjects/alerts-value/versions/1");

        List<String> lines = Files.readAllLines(dataDirectory.resolve("registry.log"));

        assertThat(lines).hasSize(3);
        JsonNode registered = RegistryHttp.JSON.readTree(lines.get(0));
        assertThat(registered.get("op").asText()).isEqualTo("REGISTER");
        assertThat(registered.get("subject").asText()).isEqualTo("alerts-value");
        assertThat(registered.get("schema").asText()).isEqualTo(ALERT_V1);
        assertThat(RegistryHttp.JSON.readTree(lines.get(1)).get("op").asText()).isEqualTo("SET_LEVEL");
        assertThat(RegistryHttp.JSON.readTree(lines.get(2)).get("op").asText()).isEqualTo("DELETE_VERSION");
    }

    @Test
    void shouldDropAnIncompleteLastRecordLeftByACrash() throws IOException {
        int id = http.registerId("alerts-value", ALERT_V1);
        server.close();
        Path log = dataDirectory.resolve("registry.log");
        Files.writeString(log, "{\"op\":\"REGISTER\",\"subject\":\"torn", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        restart();

        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(http.registerId("cases-value", recordNamed("Case"))).isEqualTo(id + 1);
        assertThat(Files.readAllLines(log)).hasSize(2).allSatisfy(line -> assertThat(line).endsWith("}"));
    }

    @Test
    void shouldRefuseToStartOnACorruptLog() throws IOException {
        http.registerId("alerts-value", ALERT_V1);
        server.close();
        Path log = dataDirectory.resolve("registry.log");
        String valid = Files.readString(log);
        Files.writeString(log, "garbage\n" + valid);

        assertThatThrownBy(() -> server = SchemaRegistryServer.start(dataDirectory))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(dataDirectory.toString())
                .satisfies(e -> assertThat(e.getCause()).hasMessageContaining("Corrupt record on line 1"));
        Files.writeString(log, valid);
        server = SchemaRegistryServer.start(dataDirectory);
    }

    @Test
    void shouldRefuseASecondServerOnTheSameDataDirectory() {
        assertThatThrownBy(() -> SchemaRegistryServer.start(dataDirectory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already used");
    }

    @Test
    void shouldCreateAMissingDataDirectory() {
        Path nested = dataDirectory.resolve("var").resolve("registry");

        try (SchemaRegistryServer other = SchemaRegistryServer.start(nested)) {
            new RegistryHttp(other.url()).registerId("alerts-value", ALERT_V1);
        }

        assertThat(nested.resolve("registry.log")).exists();
    }
}
