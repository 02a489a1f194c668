package io.vigie.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,info,prometheus"})
class BasicAuthIT {

    /** One property source for the whole list: Boot binds a list from a single source. */
    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        registry.add("vigie.security.users[0].name", () -> "vera");
        registry.add("vigie.security.users[0].password", () -> "{noop}viewer-secret");
        registry.add("vigie.security.users[0].roles", () -> "VIEWER");
        registry.add("vigie.security.users[1].name", () -> "alice");
        registry.add("vigie.security.users[1].password",
                () -> "{bcrypt}" + new BCryptPasswordEncoder().encode("analyst-secret"));
        registry.add("vigie.security.users[1].roles", () -> "ANALYST");
        registry.add("vigie.security.users[2].name", () -> "gwen");
        registry.add("vigie.security.users[2].password", () -> "{noop}guessed-by-nobody");
        registry.add("vigie.security.users[2].roles", () -> "VIEWER");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswerAnAnonymousCallWith401ProblemJsonAndABasicChallenge() throws Exception {
        HttpResponse<String> response = send("GET", "/api/incidents", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"vigie\"");
        assertThat(response.body()).contains("\"status\":401").contains("\"instance\":\"/api/incidents\"")
                .doesNotContain("Exception");
    }

    @Test
    void shouldRefuseAWrongPassword() throws Exception {
        assertThat(send("GET", "/api/incidents", basic("alice", "guess")).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldPauseAUsersLoginsAfterRepeatedWrongPasswordsAndCountThem() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send("GET", "/api/incidents", basic("gwen", "guess-" + i)).statusCode()).isEqualTo(401);
        }

        // Even the right password is refused now, before it is checked; another user is not held up.
        HttpResponse<String> locked = send("GET", "/api/incidents", basic("gwen", "guessed-by-nobody"));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 30));
        assertThat(locked.body()).contains("Too many failed logins").doesNotContain("guessed-by-nobody");
        assertThat(send("GET", "/api/incidents", basic("vera", "viewer-secret")).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", null).body())
                .contains("vigie_security_login_failures_total", "vigie_security_login_lockouts_total{scope=\"user\"}",
                        "vigie_security_login_refused_total");
    }

    @Test
    void shouldLetAViewerReadButNotAct() throws Exception {
        HttpResponse<String> read = send("GET", "/api/incidents", basic("vera", "viewer-secret"));
        HttpResponse<String> act = send("POST", "/api/incidents", basic("vera", "viewer-secret"));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("incidents for vera");
        assertThat(act.statusCode()).isEqualTo(403);
        assertThat(act.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(act.body()).contains("\"status\":403");
    }

    @Test
    void shouldLetAnAnalystWithAHashedPasswordAct() throws Exception {
        HttpResponse<String> act = send("POST", "/api/incidents", basic("alice", "analyst-secret"));

        assertThat(act.statusCode()).isEqualTo(200);
        assertThat(act.body()).isEqualTo("done by alice");
    }

    @Test
    void shouldLeaveHealthAndMetricsOpenForOrchestratorsAndScrapers() throws Exception {
        assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(200);
    }

    private String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
