package io.vigie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes only for the configured users, reads as configured, and a subject a topic uses is never deleted. */
class AccessTest {

    private static final String SCHEMA = RegistryServerTestSupport.ALERT_V1;
    private static final String IN_USE = "vigie.alert-raised-value";

    @TempDir
    Path dataDirectory;

    private SchemaRegistryServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldRefuseEveryWriteWithoutAUsersCredentialsAndLetReadsThrough() {
        RegistryHttp anonymous = start(false);
        RegistryHttp intruder = anonymous.as("services", "guess");
        RegistryHttp services = anonymous.as("services", "registry-secret");

        assertThat(anonymous.register("free-value", SCHEMA).status()).isEqualTo(401);
        assertThat(intruder.register("free-value", SCHEMA).status()).isEqualTo(401);
        assertThat(intruder.put("/config", "{\"compatibility\": \"NONE\"}").status()).isEqualTo(401);
        assertThat(anonymous.put("/config/free-value", "{\"compatibility\": \"NONE\"}").status()).isEqualTo(401);
        int id = services.registerId("free-value", SCHEMA);
        assertThat(anonymous.delete("/subjects/free-value").status()).isEqualTo(401);
        assertThat(anonymous.delete("/subjects/free-value/versions/1").status()).isEqualTo(401);
        assertThat(anonymous.delete("/config").status()).isEqualTo(401);

        // Reads, lookups and compatibility checks change nothing: a consumer needs no credentials.
        assertThat(anonymous.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(anonymous.get("/subjects").body()).contains("free-value");
        assertThat(anonymous.post("/subjects/free-value", RegistryHttp.schemaBody(SCHEMA)).status()).isEqualTo(200);
        assertThat(anonymous.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(services.delete("/subjects/free-value").status()).isEqualTo(200);
    }

    @Test
    void shouldAskCredentialsForReadsWhenSoConfigured() {
        RegistryHttp anonymous = start(true);

        RegistryHttp.Reply refused = anonymous.get("/subjects");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo(401);
        assertThat(anonymous.as("services", "registry-secret").get("/subjects").status()).isEqualTo(200);
    }

    @Test
    void shouldNeverDeleteASubjectATopicUses() {
        RegistryHttp services = start(false).as("services", "registry-secret");
        services.registerId(IN_USE, SCHEMA);

        RegistryHttp.Reply subject = services.delete("/subjects/" + IN_USE);
        RegistryHttp.Reply version = services.delete("/subjects/" + IN_USE + "/versions/1");

        assertThat(subject.status()).isEqualTo(422);
        assertThat(subject.message()).contains(IN_USE, "unreadable");
        assertThat(version.status()).isEqualTo(422);
        assertThat(services.get("/subjects/" + IN_USE + "/versions").body()).isEqualTo("[1]");
    }

    private RegistryHttp start(boolean readsNeedCredentials) {
        server = SchemaRegistryServer.start(dataDirectory, "127.0.0.1", 0,
                new RegistryAccess(Map.of("services", "registry-secret"), readsNeedCredentials, Set.of(IN_USE)));
        return new RegistryHttp(server.url());
    }
}
