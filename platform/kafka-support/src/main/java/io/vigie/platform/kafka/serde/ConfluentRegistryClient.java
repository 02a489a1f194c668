package io.vigie.platform.kafka.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of the Confluent Schema Registry REST API (Confluent, Apicurio's ccompat API, Karapace, Redpanda, and
 * Vigie's own registry). Ids are global and immutable, so every answer is cached for the life of the client: after
 * the first record of each schema, serializing and deserializing make no HTTP call. Latest-version answers are the
 * one exception, since a subject's latest version moves; they are cached too, as {@code use.latest.version} means
 * "the latest when this producer started" in Confluent's serializer as well.
 */
public final class ConfluentRegistryClient implements RegistryClient {

    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    /**
     * @param url      the registry's base URL, e.g. {@code http://127.0.0.1:8081}
     * @param userInfo {@code user:password} for HTTP basic auth, or {@code null}
     */
    public ConfluentRegistryClient(String url, String userInfo, Duration timeout) {
        this.baseUri = URI.create(url.endsWith("/") ? url : url + "/");
        this.authorization = userInfo == null || userInfo.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return subjectIds(subject).computeIfAbsent(schema, s -> {
            JsonNode body = send("POST", "subjects/" + encode(subject) + "/versions", schemaBody(s), subject);
            int id = body.get("id").asInt();
            schemasById.putIfAbsent(id, s);
            return id;
        });
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return subjectIds(subject).computeIfAbsent(schema, s -> {
            JsonNode body = send("POST", "subjects/" + encode(subject), schemaBody(s), subject);
            int id = body.get("id").asInt();
            schemasById.putIfAbsent(id, s);
            return id;
        });
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return latestBySubject.computeIfAbsent(subject, s -> {
            JsonNode body = send("GET", "subjects/" + encode(s) + "/versions/latest", null, s);
            Schema schema = parse(body.get("schema").asText());
            int id = body.get("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return new RegisteredSchema(id, schema);
        });
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, i -> {
            JsonNode body = send("GET", "schemas/ids/" + i, null, "schema id " + i);
            return parse(body.get("schema").asText());
        });
    }

    /** How many HTTP requests this client has sent: the proof that the caches work. */
    public long requestCount() {
        return requests.get();
    }

    public String url() {
        return baseUri.toString();
    }

    private Map<Schema, Integer> subjectIds(String subject) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    }

    private JsonNode send(String method, String path, String body, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(timeout)
                .header("Accept", MEDIA_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", MEDIA_TYPE);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        requests.incrementAndGet();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SerializationException("Schema registry " + baseUri + " unreachable for " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerializationException("Interrupted while asking the schema registry for " + what, e);
        }
        JsonNode json = readJson(response.body());
        if (response.statusCode() / 100 == 2) {
            return json;
        }
        String message = json.path("message").asText(response.body());
        int errorCode = json.path("error_code").asInt(response.statusCode());
        String detail = "Schema registry answered " + response.statusCode() + " (" + errorCode + ") for " + what + ": "
                + message;
        if (response.statusCode() == 404) {
            throw new UnknownSchemaException(detail);
        }
        throw new SerializationException(detail);
    }

    private static JsonNode readJson(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
