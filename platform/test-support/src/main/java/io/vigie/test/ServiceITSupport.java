package io.vigie.test;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * What the integration tests of a started service ({@link VigieServiceTest}) share: its port, Kafka template and
 * database, the clock they move forward (set back after each test), calls to its API as one of the {@link TestUsers},
 * and events sent to the broker. A module's base class extends it with what is its own: its events, its API's steps.
 */
public abstract class ServiceITSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected KafkaTemplate<String, Object> kafka;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** {@code method} on {@code path} as {@code user} (anonymous when null), with a JSON {@code body} or none. */
    protected HttpResponse<String> call(String method, String path, String user, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, user).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return call("GET", path, user, null);
    }

    protected HttpResponse<String> post(String user, String path, String json)
            throws IOException, InterruptedException {
        return call("POST", path, user, json);
    }

    /** A GET whose body is kept as bytes: a PDF, a CSV, an archive. */
    protected HttpResponse<byte[]> download(String path, String user) throws IOException, InterruptedException {
        return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends the event and waits until the broker has it. */
    protected void send(String topic, Object key, Object event) {
        kafka.send(topic, key.toString(), event).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            String credentials = user + ":" + TestUsers.password(user);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
