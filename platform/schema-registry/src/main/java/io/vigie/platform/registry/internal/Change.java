package io.vigie.platform.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One durable change to the registry: a line of the log. The registry applies exactly these, live and on
 * replay, so a restart rebuilds the same ids, versions, deletions and levels.
 */
sealed interface Change {

    /** {@code subject == null} targets the global level. */
    record LevelSet(String subject, CompatibilityLevel level) implements Change {
    }

    record LevelDeleted(String subject) implements Change {
    }

    record Registered(String subject, int version, int id, String schema) implements Change {
    }

    record VersionDeleted(String subject, int version, boolean permanent) implements Change {
    }

    record SubjectDeleted(String subject, boolean permanent) implements Change {
    }

    static ObjectNode toJson(Change change, Instant at) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (change instanceof Registered registered) {
            json.put("op", "REGISTER")
                    .put("subject", registered.subject())
                    .put("version", registered.version())
                    .put("id", registered.id())
                    .put("schema", registered.schema());
        } else if (change instanceof VersionDeleted deleted) {
            json.put("op", "DELETE_VERSION")
                    .put("subject", deleted.subject())
                    .put("version", deleted.version())
                    .put("permanent", deleted.permanent());
        } else if (change instanceof SubjectDeleted deleted) {
            json.put("op", "DELETE_SUBJECT")
                    .put("subject", deleted.subject())
                    .put("permanent", deleted.permanent());
        } else if (change instanceof LevelSet set) {
            json.put("op", "SET_LEVEL").put("subject", set.subject()).put("level", set.level().name());
        } else if (change instanceof LevelDeleted deleted) {
            json.put("op", "DELETE_LEVEL").put("subject", deleted.subject());
        } else {
            throw new IllegalArgumentException("Unknown change " + change);
        }
        // Only for people reading the log; replay ignores it.
        json.put("at", at.toString());
        return json;
    }

    static Change fromJson(JsonNode json) {
        String op = required(json, "op").asText();
        switch (op) {
            case "REGISTER":
                return new Registered(requiredText(json, "subject"), requiredInt(json, "version"),
                        requiredInt(json, "id"), requiredText(json, "schema"));
            case "DELETE_VERSION":
                return new VersionDeleted(requiredText(json, "subject"), requiredInt(json, "version"),
                        required(json, "permanent").asBoolean());
            case "DELETE_SUBJECT":
                return new SubjectDeleted(requiredText(json, "subject"), required(json, "permanent").asBoolean());
            case "SET_LEVEL":
                return new LevelSet(optionalText(json, "subject"), CompatibilityLevel.parse(requiredText(json, "level"))
                        .orElseThrow(() -> new IllegalArgumentException("unknown level " + json.get("level"))));
            case "DELETE_LEVEL":
                return new LevelDeleted(optionalText(json, "subject"));
            default:
                throw new IllegalArgumentException("unknown op '" + op + "'");
        }
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return value;
    }

    private static String requiredText(JsonNode json, String field) {
        JsonNode value = required(json, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is not a string");
        }
        return value.asText();
    }

    private static int requiredInt(JsonNode json, String field) {
        JsonNode value = required(json, field);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' is not an int");
        }
        return value.intValue();
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
