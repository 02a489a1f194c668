package io.vigie.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackIT {

    @TempDir
    Path varDirectory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldRunAllFiveServicesReleaseEveryPortOnCloseAndStartAgainOnTheSameData() throws Exception {
        LocalStackSettings settings = LocalStackSettings.defaults().withVarDirectory(varDirectory).withAnyFreePorts();
        List<Integer> ports = new ArrayList<>();
        LocalUsers firstUsers;

        try (LocalStack stack = LocalStack.start(settings)) {
            firstUsers = stack.users();
            assertApisAnswerOnlyTheLocalUsers(stack);
            assertThat(stack.services()).extracting(RunningService::service).containsExactly(VigieService.values());
            for (RunningService service : stack.services()) {
                awaitHealthUp(service);
                assertMetricsTaggedWithOnlyItsOwnName(service);
                assertThat(varDirectory.resolve("db").resolve(service.service().shortName())
                        .resolve("vigie_" + service.service().shortName() + ".mv.db")).isRegularFile();
                ports.add(service.port());
            }
            ports.add(URI.create(stack.schemaRegistryUrl()).getPort());
            ports.add(stack.smtpPort());
            ports.add(URI.create(stack.mailboxUrl()).getPort());
            ports.add(Integer.parseInt(stack.kafkaBootstrapServers().substring(stack.kafkaBootstrapServers().lastIndexOf(':') + 1)));
        }

        for (int port : ports) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                    .as("port %d after close", port)
                    .isInstanceOf(ConnectException.class);
        }

        // The broker's log, the registry's schemas and the services' databases (already migrated) are reused.
        try (LocalStack again = LocalStack.start(settings)) {
            for (RunningService service : again.services()) {
                awaitHealthUp(service);
            }
            assertThat(again.users()).isEqualTo(firstUsers);
        }
        assertThat(Files.getPosixFilePermissions(varDirectory.resolve(LocalUsers.FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    // Every service's API refuses anonymous callers and knows the stack's users: what a newcomer logs in with.
    private void assertApisAnswerOnlyTheLocalUsers(LocalStack stack) throws Exception {
        LocalUsers.User analyst = stack.users().users().get("analyst");
        String credentials = Base64.getEncoder().encodeToString(
                (analyst.name() + ":" + analyst.password()).getBytes(StandardCharsets.UTF_8));
        for (RunningService service : stack.services()) {
            URI api = URI.create(service.baseUrl() + "/api/local-stack-probe");
            assertThat(http.send(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as("anonymous on %s", service.baseUrl()).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(api).header("Authorization", "Basic " + credentials).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("analyst on %s", service.baseUrl()).isNotIn(401, 403);
        }
    }

    private void awaitHealthUp(RunningService service) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> health = get(service.healthUrl());
            assertThat(health.statusCode()).as(service.healthUrl()).isEqualTo(200);
            assertThat(health.body()).as(service.healthUrl()).contains("\"status\":\"UP\"");
        });
    }

    // Five contexts share one JVM here: each must still report its own meters under its own name only.
    private void assertMetricsTaggedWithOnlyItsOwnName(RunningService service) throws Exception {
        HttpResponse<String> metrics = get(service.prometheusUrl());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("service=\"" + service.service().applicationName() + "\"");
        for (VigieService other : VigieService.values()) {
            if (other != service.service()) {
                assertThat(metrics.body()).doesNotContain("service=\"" + other.applicationName() + "\"");
            }
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
