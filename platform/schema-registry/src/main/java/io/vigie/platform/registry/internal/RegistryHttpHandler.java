package io.vigie.platform.registry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.vigie.platform.registry.RegistryAccess;
import io.vigie.platform.registry.internal.Registry.CompatibilityCheck;
import io.vigie.platform.registry.internal.Registry.SubjectAndVersion;
import io.vigie.platform.registry.internal.Registry.VersionedSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subset of Confluent's Schema Registry REST API that Avro serializers, the Confluent CLI and humans with
 * curl use. Every answer, errors included, is JSON in Confluent's media type.
 */
public final class RegistryHttpHandler implements HttpHandler {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    /** Confluent also takes octet-stream, for clients that do not bother setting a content type. */
    private static final Set<String> ACCEPTED_REQUEST_TYPES = Set.of(MEDIA_TYPE, "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream");
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Registry registry;
    private final RegistryAccess access;
    private final List<Route> routes;

    public RegistryHttpHandler(Registry registry) {
        this(registry, RegistryAccess.open());
    }

    public RegistryHttpHandler(Registry registry, RegistryAccess access) {
        this.registry = registry;
        this.access = access;
        this.routes = List.of(
                new Route("GET", "/", request -> ok(JSON.createObjectNode())),
                new Route("GET", "/schemas/types", request -> ok(JSON.createArrayNode().add("AVRO"))),
                new Route("GET", "/schemas/ids/{id}", this::schemaById),
                new Route("GET", "/schemas/ids/{id}/schema", this::rawSchemaById),
                new Route("GET", "/schemas/ids/{id}/versions", this::versionsOfId),
                new Route("GET", "/schemas/ids/{id}/subjects", this::subjectsOfId),
                new Route("GET", "/subjects", this::subjects),
                new Route("POST", "/subjects/{subject}", this::lookup),
                new Route("DELETE", "/subjects/{subject}", this::deleteSubject),
                new Route("GET", "/subjects/{subject}/versions", this::versions),
                new Route("POST", "/subjects/{subject}/versions", this::register),
                new Route("GET", "/subjects/{subject}/versions/{version}", this::version),
                new Route("DELETE", "/subjects/{subject}/versions/{version}", this::deleteVersion),
                new Route("GET", "/subjects/{subject}/versions/{version}/schema", this::rawSchemaOfVersion),
                new Route("POST", "/compatibility/subjects/{subject}/versions", this::checkCompatibility),
                new Route("POST", "/compatibility/subjects/{subject}/versions/{version}", this::checkCompatibility),
                new Route("GET", "/config", request -> ok(levelNode("compatibilityLevel", registry.globalLevel()))),
                new Route("PUT", "/config", this::setLevel),
                new Route("DELETE", "/config", request -> ok(levelNode("compatibilityLevel", registry.deleteLevel(null)))),
                new Route("GET", "/config/{subject}", this::subjectLevel),
                new Route("PUT", "/config/{subject}", this::setLevel),
                new Route("DELETE", "/config/{subject}", request ->
                        ok(levelNode("compatibilityLevel", registry.deleteLevel(request.path("subject"))))));
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Response response;
        try {
            response = dispatch(exchange);
        } catch (RegistryException e) {
            response = error(e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure answering {} {}", method, path, e);
            response = error(RegistryException.internalError());
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
            exchange.sendResponseHeaders(response.status(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (IOException e) {
            LOG.debug("Client went away before the answer to {} {} was sent", method, path, e);
        } finally {
            exchange.close();
        }
    }

    private Response dispatch(HttpExchange exchange) {
        List<String> segments = segments(exchange.getRequestURI().getRawPath());
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> parameters = route.match(segments);
            if (parameters == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(exchange.getRequestMethod())) {
                authorize(exchange, route);
                return route.handler().apply(new Request(exchange, parameters,
                        query(exchange.getRequestURI().getRawQuery())));
            }
        }
        throw pathKnown ? RegistryException.methodNotAllowed() : RegistryException.notFound();
    }

    /**
     * Writes need one of the configured users; reads too when so configured. Lookups and compatibility checks are
     * POSTs that change nothing, so they count as reads (Confluent's serializers send them with auto-registration off).
     */
    private void authorize(HttpExchange exchange, Route route) {
        boolean write = route.method().equals("PUT") || route.method().equals("DELETE")
                || route.method().equals("POST") && route.pattern().equals(List.of("subjects", "{subject}", "versions"));
        boolean needed = write ? access.writesNeedCredentials() : access.readsNeedCredentials();
        if (needed && !access.allows(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"schema-registry\"");
            throw RegistryException.unauthorized();
        }
    }

    private Response schemaById(Request request) {
        int id = request.id();
        String schema = registry.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
        return ok(JSON.createObjectNode().put("schema", schema));
    }

    private Response rawSchemaById(Request request) {
        int id = request.id();
        return raw(registry.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id)));
    }

    private Response versionsOfId(Request request) {
        ArrayNode result = JSON.createArrayNode();
        for (SubjectAndVersion usage : registry.versionsUsing(request.id(), request.flag("deleted"))) {
            result.addObject().put("subject", usage.subject()).put("version", usage.version());
        }
        return ok(result);
    }

    private Response subjectsOfId(Request request) {
        ArrayNode result = JSON.createArrayNode();
        registry.versionsUsing(request.id(), request.flag("deleted")).stream()
                .map(SubjectAndVersion::subject)
                .distinct()
                .forEach(result::add);
        return ok(result);
    }

    private Response subjects(Request request) {
        ArrayNode result = JSON.createArrayNode();
        registry.subjects(request.flag("deleted"), request.query("subjectPrefix", "")).forEach(result::add);
        return ok(result);
    }

    private Response lookup(Request request) {
        String schema = request.schemaFromBody();
        return ok(versionNode(registry.lookup(request.path("subject"), schema, request.flag("deleted"))));
    }

    private Response deleteSubject(Request request) {
        if (access.isProtected(request.path("subject"))) {
            throw RegistryException.subjectInUse(request.path("subject"));
        }
        ArrayNode result = JSON.createArrayNode();
        registry.deleteSubject(request.path("subject"), request.flag("permanent")).forEach(result::add);
        return ok(result);
    }

    private Response versions(Request request) {
        ArrayNode result = JSON.createArrayNode();
        registry.versionNumbers(request.path("subject"), request.flag("deleted")).forEach(result::add);
        return ok(result);
    }

    private Response register(Request request) {
        String schema = request.schemaFromBody();
        return ok(JSON.createObjectNode().put("id", registry.register(request.path("subject"), schema)));
    }

    private Response version(Request request) {
        int version = request.version();
        return ok(versionNode(registry.version(request.path("subject"), version, request.flag("deleted"))));
    }

    private Response rawSchemaOfVersion(Request request) {
        int version = request.version();
        return raw(registry.version(request.path("subject"), version, request.flag("deleted")).schema());
    }

    private Response deleteVersion(Request request) {
        if (access.isProtected(request.path("subject"))) {
            throw RegistryException.subjectInUse(request.path("subject"));
        }
        int version = request.version();
        return ok(JSON.getNodeFactory().numberNode(
                registry.deleteVersion(request.path("subject"), version, request.flag("permanent"))));
    }

    private Response checkCompatibility(Request request) {
        Integer version = request.parameters.containsKey("version") ? request.version() : null;
        String schema = request.schemaFromBody();
        CompatibilityCheck check = registry.checkCompatibility(request.path("subject"), version, schema);
        ObjectNode result = JSON.createObjectNode().put("is_compatible", check.compatible());
        if (request.flag("verbose")) {
            ArrayNode messages = result.putArray("messages");
            check.messages().forEach(messages::add);
        }
        return ok(result);
    }

    private Response setLevel(Request request) {
        JsonNode level = request.bodyObject().get("compatibility");
        CompatibilityLevel parsed = CompatibilityLevel.parse(level != null && level.isTextual() ? level.asText() : null)
                .orElseThrow(RegistryException::invalidCompatibilityLevel);
        registry.setLevel(request.parameters.get("subject"), parsed);
        return ok(levelNode("compatibility", parsed));
    }

    private Response subjectLevel(Request request) {
        String subject = request.path("subject");
        CompatibilityLevel level = registry.subjectLevel(subject)
                .or(() -> request.flag("defaultToGlobal") ? Optional.of(registry.globalLevel())
                        : Optional.<CompatibilityLevel>empty())
                .orElseThrow(() -> RegistryException.subjectLevelNotConfigured(subject));
        return ok(levelNode("compatibilityLevel", level));
    }

    private static ObjectNode versionNode(VersionedSchema version) {
        return JSON.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema());
    }

    private static ObjectNode levelNode(String field, CompatibilityLevel level) {
        return JSON.createObjectNode().put(field, level.name());
    }

    private static Response ok(JsonNode body) {
        try {
            return new Response(200, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON tree", e);
        }
    }

    private static Response raw(String text) {
        return new Response(200, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Response error(RegistryException e) {
        ObjectNode body = JSON.createObjectNode().put("error_code", e.errorCode()).put("message", e.getMessage());
        try {
            return new Response(e.httpStatus(), JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot write a JSON tree", impossible);
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.putIfAbsent(name, value);
        }
        return query;
    }

    /** Percent-decoding only: a '+' in a path (or a subject name in a query) is a plus, not a space. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RegistryException.notFound();
        }
    }

    private record Response(int status, byte[] body) {
    }

    private record Route(String method, List<String> pattern, Function<Request, Response> handler) {

        Route(String method, String pattern, Function<Request, Response> handler) {
            this(method, segments(pattern), handler);
        }

        /** The path parameters when {@code segments} fits this route's pattern, otherwise null. */
        Map<String, String> match(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return null;
            }
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String expected = pattern.get(i);
                if (expected.startsWith("{")) {
                    parameters.put(expected.substring(1, expected.length() - 1), segments.get(i));
                } else if (!expected.equals(segments.get(i))) {
                    return null;
                }
            }
            return parameters;
        }
    }

    private static final class Request {

        private final HttpExchange exchange;
        private final Map<String, String> parameters;
        private final Map<String, String> query;

        Request(HttpExchange exchange, Map<String, String> parameters, Map<String, String> query) {
            this.exchange = exchange;
            this.parameters = parameters;
            this.query = query;
        }

        String path(String name) {
            return parameters.get(name);
        }

        String query(String name, String fallback) {
            return query.getOrDefault(name, fallback);
        }

        boolean flag(String name) {
            return "true".equalsIgnoreCase(query.get(name));
        }

        /** Ids are ints in Confluent's API; anything else is a path that does not exist, as with JAX-RS. */
        int id() {
            try {
                return Integer.parseInt(parameters.get("id"));
            } catch (NumberFormatException e) {
                throw RegistryException.notFound();
            }
        }

        int version() {
            String version = parameters.get("version");
            if (version.equals("latest")) {
                return Registry.LATEST;
            }
            try {
                int parsed = Integer.parseInt(version);
                if (parsed == Registry.LATEST || parsed >= 1) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // Falls through to Confluent's invalid-version error.
            }
            throw RegistryException.invalidVersion(version);
        }

        /** The body of register, lookup and compatibility requests: an Avro schema and nothing we cannot honour. */
        String schemaFromBody() {
            ObjectNode body = bodyObject();
            JsonNode schemaType = body.get("schemaType");
            if (schemaType != null && !schemaType.isNull() && !"AVRO".equalsIgnoreCase(schemaType.asText())) {
                throw RegistryException.invalidSchema("schema type '" + schemaType.asText()
                        + "' is not supported; this registry only supports AVRO");
            }
            JsonNode references = body.get("references");
            if (references != null && !references.isNull() && !(references.isArray() && references.isEmpty())) {
                throw RegistryException.invalidSchema("schema references are not supported by this registry");
            }
            JsonNode schema = body.get("schema");
            if (schema == null || schema.isNull()) {
                throw RegistryException.invalidSchema("the request has no 'schema'");
            }
            if (!schema.isTextual()) {
                throw RegistryException.badRequest("'schema' must be a string holding the schema's JSON, not "
                        + schema.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return schema.asText();
        }

        ObjectNode bodyObject() {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
                if (!ACCEPTED_REQUEST_TYPES.contains(mediaType)) {
                    throw RegistryException.unsupportedMediaType();
                }
            }
            byte[] bytes = readBody();
            if (bytes.length == 0) {
                return JSON.createObjectNode();
            }
            JsonNode body;
            try {
                body = JSON.readTree(bytes);
            } catch (JsonProcessingException e) {
                throw RegistryException.badRequest(e.getOriginalMessage() + describeLocation(e));
            } catch (IOException e) {
                throw RegistryException.badRequest("Unreadable request body");
            }
            if (body == null || body.isMissingNode()) {
                return JSON.createObjectNode();
            }
            if (!body.isObject()) {
                throw RegistryException.badRequest("The request body must be a JSON object");
            }
            return (ObjectNode) body;
        }

        private byte[] readBody() {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    throw RegistryException.payloadTooLarge(MAX_BODY_BYTES);
                }
                return bytes;
            } catch (IOException e) {
                throw RegistryException.badRequest("Unreadable request body");
            }
        }

        private static String describeLocation(JsonProcessingException e) {
            return e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
    }
}
