package io.vigie.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every Vigie service promises its operators, checked the same way for each: a service's
 * {@code *ApplicationIT} extends this, started as a {@link VigieServiceTest} (through its {@code main}, so it also
 * proves the service finds its own configuration file) or with the module's own annotation built on it, whose
 * context the module's other integration tests then share.
 */
public abstract class ServiceContractTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    /** The service's {@code spring.application.name}, the {@code service} tag on its metrics. */
    protected abstract String serviceName();

    @Test
    void shouldReportUpOnTheHealthEndpoint() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void shouldServePrometheusMetricsTaggedWithTheServiceName() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("service=\"" + serviceName() + "\"");
    }

    @Test
    void shouldMigrateThePlatformTablesOnPostgresql() {
        String database = jdbc.execute(
                (ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
        Integer tables = jdbc.queryForObject("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_name IN ('processed_event', 'outbox_event')",
                Integer.class);

        assertThat(database).isEqualTo("PostgreSQL");
        assertThat(tables).isEqualTo(2);
    }

    @Test
    void shouldRejectASecondRecordOfTheSameEvent() {
        UUID eventId = UUID.randomUUID();
        String insert = "INSERT INTO processed_event (event_id, topic, processed_at) VALUES (?, ?, ?)";
        jdbc.update(insert, eventId, "vigie.test", Timestamp.from(Instant.now()));

        assertThatThrownBy(() -> jdbc.update(insert, eventId, "vigie.test", Timestamp.from(Instant.now())))
                .isInstanceOf(DuplicateKeyException.class);
    }

    /** A GET on the running service, for subclasses' own checks. */
    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected int port() {
        return port;
    }
}
