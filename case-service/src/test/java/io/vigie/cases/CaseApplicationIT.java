package io.vigie.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.vigie.test.VigieInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// Started through main(), so the test also proves the service finds its own case.yml and migrations.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS)
class CaseApplicationIT {

    private static final String SERVICE = "case-service";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VigieInfrastructure.register(registry, SERVICE);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

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
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("service=\"" + SERVICE + "\"");
    }

    @Test
    void shouldMigrateTheProcessedEventTableOnPostgresql() {
        String database = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
        Integer tables = jdbc.queryForObject(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'processed_event'",
                Integer.class);

        assertThat(database).isEqualTo("PostgreSQL");
        assertThat(tables).isEqualTo(1);
    }

    @Test
    void shouldRejectASecondRecordOfTheSameEvent() {
        // given
        UUID eventId = UUID.randomUUID();
        String insert = "INSERT INTO processed_event (event_id, topic, processed_at) VALUES (?, ?, ?)";
        jdbc.update(insert, eventId, "vigie.test", Timestamp.from(Instant.now()));

        // when / then
        assertThatThrownBy(() -> jdbc.update(insert, eventId, "vigie.test", Timestamp.from(Instant.now())))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
