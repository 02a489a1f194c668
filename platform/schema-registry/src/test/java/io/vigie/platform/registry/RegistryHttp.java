package io.vigie.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** A thin client for the tests: real HTTP against a started server, answers kept raw for assertions. */
final class RegistryHttp {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;
    private final String authorization;

    RegistryHttp(String baseUrl) {
        this(baseUrl, null);
    }

    private RegistryHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The same client sending HTTP Basic credentials with every request. */
    RegistryHttp as(String user, String password) {
        return new RegistryHttp(baseUrl, "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    record Reply(int status, String body, String contentType) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        int errorCode() {
            return json().path("error_code").asInt();
        }

        String message() {
            return json().path("message").asText();
        }
    }

    /** {@code {"schema": "<schema>"}}, the body of register, lookup and compatibility requests. */
    static String schemaBody(String avroSchema) {
        return JSON.createObjectNode().put("schema", avroSchema).toString();
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply post(String path, String body) {
        return send("POST", path, body, V1_JSON);
    }

    Reply put(String path, String body) {
        return send("PUT", path, body, V1_JSON);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    Reply register(String subject, String avroSchema) {
        return post("/subjects/" + subject + "/versions", schemaBody(avroSchema));
    }

    int registerId(String subject, String avroSchema) {
        Reply reply = register(subject, avroSchema);
        if (reply.status() != 200) {
            throw new AssertionError("Registration failed: " + reply);
        }
        return reply.json().get("id").asInt();
    }

    Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            var response = client.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
