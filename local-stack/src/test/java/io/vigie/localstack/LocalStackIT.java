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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vigie.localstack.demo.LockedAccountDemo;
import io.vigie.localstack.demo.SeedData;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackIT {

    @TempDir
    Path varDirectory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldRunAllSixServicesReleaseEveryPortOnCloseAndStartAgainOnTheSameData() throws Exception {
        LocalStackSettings settings = LocalStackSettings.defaults().withVarDirectory(varDirectory).withAnyFreePorts();
        List<Integer> ports = new ArrayList<>();
        LocalUsers firstUsers;
        LocalWebhookSources firstSources;

        try (LocalStack stack = LocalStack.start(settings)) {
            firstUsers = stack.users();
            firstSources = stack.webhookSources();
            assertApisAnswerOnlyTheLocalUsers(stack);
            assertRegistryTakesWritesOnlyFromTheServices(stack);
            assertWebhooksTakeOnlyTheirSourcesSecrets(stack);
            assertThat(LocalStackSummary.render(stack, null)).contains(
                    stack.webhookSources().splunkUrl(stack.service(VigieService.ALERT_INTAKE).baseUrl()),
                    stack.webhookSources().wazuhToken(), stack.webhookSources().alertmanagerToken(),
                    stack.webhookSources().elasticUrl(stack.service(VigieService.ALERT_INTAKE).baseUrl()),
                    stack.webhookSources().elasticToken(), stack.webhookSources().genericHmacSecret(), stack.users().users().get("analyst").password());
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
            // The passwords were shown on the first start; now the summary points at the file.
            assertThat(LocalStackSummary.render(again, null)).contains(LocalUsers.FILE)
                    .doesNotContain(firstUsers.users().values().stream().map(LocalUsers.User::password).toList());
            assertThat(again.webhookSources()).isEqualTo(firstSources);
            assertDemoReachesClientAsContacts(again);
        }
        for (String file : List.of(LocalUsers.FILE, LocalWebhookSources.FILE, LocalRegistryUser.FILE)) {
            assertThat(Files.getPosixFilePermissions(varDirectory.resolve(file))).as(file)
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        // The databases hold the clients' contacts and webhook secrets in files H2 makes readable by all: the var
        // directory itself is closed to everyone but its owner.
        assertThat(Files.getPosixFilePermissions(varDirectory)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    }

    // The services registered their schemas with their user; a stranger on the port reads, and changes nothing.
    private void assertRegistryTakesWritesOnlyFromTheServices(LocalStack stack) throws Exception {
        String registry = stack.schemaRegistryUrl();
        HttpResponse<String> subjects = http.send(HttpRequest.newBuilder(URI.create(registry + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.statusCode()).isEqualTo(200);
        HttpResponse<String> register = http.send(HttpRequest.newBuilder(URI.create(registry + "/subjects/probe-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\": \"\\\"string\\\"\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> loosen = http.send(HttpRequest.newBuilder(URI.create(registry + "/config"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\": \"NONE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(register.statusCode()).as(register.body()).isEqualTo(401);
        assertThat(loosen.statusCode()).as(loosen.body()).isEqualTo(401);
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

    // Each demo source is configured in alert-intake-service with the stack's own secret: the right one gets past
    // authentication (to 400 for an empty alert, so nothing is published), a wrong one is refused.
    private void assertWebhooksTakeOnlyTheirSourcesSecrets(LocalStack stack) throws Exception {
        String intake = stack.service(VigieService.ALERT_INTAKE).baseUrl();
        LocalWebhookSources sources = stack.webhookSources();
        assertThat(post(sources.splunkUrl(intake), Map.of()).statusCode()).isEqualTo(400);
        assertThat(post(intake + "/webhooks/splunk/" + LocalWebhookSources.SPLUNK + "/wrong", Map.of()).statusCode())
                .isEqualTo(401);
        for (Map.Entry<String, String> bearer : Map.of(sources.wazuhUrl(intake), sources.wazuhToken(),
                sources.alertmanagerUrl(intake), sources.alertmanagerToken(),
                sources.elasticUrl(intake), sources.elasticToken()).entrySet()) {
            assertThat(post(bearer.getKey(), Map.of("Authorization", "Bearer " + bearer.getValue())).statusCode())
                    .as(bearer.getKey()).isEqualTo(400);
            assertThat(post(bearer.getKey(), Map.of("Authorization", "Bearer wrong")).statusCode())
                    .as(bearer.getKey()).isEqualTo(401);
        }
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(sources.genericHmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(hmac.doFinal((timestamp + ".{}").getBytes(StandardCharsets.UTF_8)));
        assertThat(post(sources.genericUrl(intake), Map.of("X-Vigie-Source", LocalWebhookSources.GENERIC,
                "X-Vigie-Timestamp", timestamp, "X-Vigie-Signature", "sha256=" + signature)).statusCode()).isEqualTo(400);
        assertThat(post(sources.genericUrl(intake), Map.of("X-Vigie-Source", LocalWebhookSources.GENERIC,
                "X-Vigie-Timestamp", timestamp, "X-Vigie-Signature", "sha256=" + "0".repeat(64))).statusCode())
                .isEqualTo(401);
    }

    // What --demo does once the stack is up: the seed data, then the locked-account alerts through the Splunk webhook.
    // A newcomer sees client A's notice in the mailbox and the incident in case-service.
    private void assertDemoReachesClientAsContacts(LocalStack stack) throws Exception {
        SeedData.load(stack);
        LockedAccountDemo.replay(stack);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> subjects = new ArrayList<>();
            for (MimeMessage message : stack.receivedMessages()) {
                subjects.add(message.getAllRecipients()[0] + " " + message.getSubject());
            }
            assertThat(subjects).anyMatch(subject -> subject.startsWith("tom.baker@client-a.example Security incident"))
                    .anyMatch(subject -> subject.startsWith("jeanne.martin@client-a.example Incident de sécurité"));
        });
        LocalUsers.User viewer = stack.users().users().get("viewer");
        String credentials = Base64.getEncoder().encodeToString(
                (viewer.name() + ":" + viewer.password()).getBytes(StandardCharsets.UTF_8));
        // case-service reads the same events on its own consumer: the notice may reach the mailbox before the case
        // reaches its record.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> cases = http.send(HttpRequest.newBuilder(URI.create(
                            stack.service(VigieService.CASE).baseUrl() + "/api/cases?client=" + SeedData.CLIENT_A))
                    .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(cases.statusCode()).isEqualTo(200);
            assertThat(cases.body()).contains(SeedData.CLIENT_A_DOMAIN_CONTROLLER, "ACCOUNT_COMPROMISE");
        });
    }

    private HttpResponse<String> post(String url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealthUp(RunningService service) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> health = get(service.healthUrl());
            assertThat(health.statusCode()).as(service.healthUrl()).isEqualTo(200);
            assertThat(health.body()).as(service.healthUrl()).contains("\"status\":\"UP\"");
        });
    }

    // Six contexts share one JVM here: each must still report its own meters under its own name only.
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
