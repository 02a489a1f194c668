package io.vigie.platform.registry;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real server on a free port over a fresh data directory, per test. */
abstract class RegistryServerTestSupport {

    static final String STRING_SCHEMA = "{\"type\": \"string\"}";

    static final String ALERT_V1 = """
            {"type": "record", "name": "AlertRaised", "namespace": "io.vigie.events", "fields": [
              {"name": "alertId", "type": "string"},
              {"name": "source", "type": "string"}
            ]}""";

    static final String ALERT_WITH_SEVERITY_DEFAULT = """
            {"type": "record", "name": "AlertRaised", "namespace": "io.vigie.events", "fields": [
              {"name": "alertId", "type": "string"},
              {"name": "source", "type": "string"},
              {"name": "severity", "type": "string", "default": "LOW"}
            ]}""";

    static final String ALERT_WITH_SEVERITY_NO_DEFAULT = """
            {"type": "record", "name": "AlertRaised", "namespace": "io.vigie.events", "fields": [
              {"name": "alertId", "type": "string"},
              {"name": "source", "type": "string"},
              {"name": "severity", "type": "string"}
            ]}""";

    static final String ALERT_WITH_SOURCE_AS_INT = """
            {"type": "record", "name": "AlertRaised", "namespace": "io.vigie.events", "fields": [
              {"name": "alertId", "type": "string"},
              {"name": "source", "type": "int"}
            ]}""";

    @TempDir
    Path dataDirectory;

    SchemaRegistryServer server;
    RegistryHttp http;

    @BeforeEach
    void startServer() {
        server = SchemaRegistryServer.start(dataDirectory);
        http = new RegistryHttp(server.url());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Stops the server and starts a new one over the same data directory, as a process restart would. */
    void restart() {
        server.close();
        server = SchemaRegistryServer.start(dataDirectory);
        http = new RegistryHttp(server.url());
    }

    /** A record schema of its own per name, for tests that need many distinct schemas. */
    static String recordNamed(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
    }
}
