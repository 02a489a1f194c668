package io.vigie.platform.registry.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Avro's reader/writer compatibility, phrased the way Confluent reports it: one message per incompatibility,
 * then the old version, the old schema and the level, so a 409 says which field broke which version.
 */
final class CompatibilityChecker {

    record PreviousVersion(int version, StoredSchema schema) {
    }

    private CompatibilityChecker() {
    }

    /**
     * Checks {@code candidate} against {@code previous} (oldest first). Non-transitive levels only look at the
     * last one. Returns no messages when compatible.
     */
    static List<String> check(CompatibilityLevel level, Schema candidate, List<PreviousVersion> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<PreviousVersion> checked = level.transitive() ? previous : previous.subList(previous.size() - 1, previous.size());
        List<String> messages = new ArrayList<>();
        for (int i = checked.size() - 1; i >= 0; i--) {
            PreviousVersion old = checked.get(i);
            List<String> problems = new ArrayList<>();
            if (level.backward()) {
                problems.addAll(describe(candidate, old.schema().schema(), "new", "old"));
            }
            if (level.forward()) {
                problems.addAll(describe(old.schema().schema(), candidate, "old", "new"));
            }
            if (!problems.isEmpty()) {
                messages.addAll(problems);
                messages.add("{oldSchemaVersion: " + old.version() + "}");
                messages.add("{oldSchema: '" + old.schema().text() + "'}");
                messages.add("{compatibility: '" + level.name() + "'}");
            }
        }
        return messages;
    }

    private static List<String> describe(Schema reader, Schema writer, String readerRole, String writerRole) {
        List<Incompatibility> incompatibilities = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult()
                .getIncompatibilities();
        List<String> messages = new ArrayList<>(incompatibilities.size());
        for (Incompatibility incompatibility : incompatibilities) {
            String location = incompatibility.getLocation();
            String field = fieldAt(reader, location);
            String description;
            switch (incompatibility.getType()) {
                case READER_FIELD_MISSING_DEFAULT_VALUE:
                    description = "The field '" + incompatibility.getMessage() + "' at path '" + location + "' in the "
                            + readerRole + " schema has no default value and is missing in the " + writerRole + " schema";
                    field = incompatibility.getMessage();
                    break;
                case TYPE_MISMATCH:
                    description = "The type of " + (field.isEmpty() ? "the schema" : "field '" + field + "'")
                            + " at path '" + location + "' in the " + readerRole + " schema does not match the "
                            + writerRole + " schema (" + incompatibility.getMessage() + ")";
                    break;
                default:
                    description = (field.isEmpty() ? "The schema" : "The field '" + field + "'") + " at path '"
                            + location + "' in the " + readerRole + " schema cannot read the " + writerRole
                            + " schema: " + incompatibility.getMessage();
                    break;
            }
            messages.add("{errorType:'" + incompatibility.getType() + "', description:'" + description
                    + "', additionalInfo:'" + (field.isEmpty() ? incompatibility.getMessage() : field) + "'}");
        }
        return messages;
    }

    /**
     * Turns Avro's location ({@code /fields/1/type/fields/0/type}) into the dotted field path it points at
     * ({@code payload.severity}) by walking the reader schema; empty when it does not point into a field.
     */
    static String fieldAt(Schema reader, String location) {
        List<String> path = new ArrayList<>();
        Schema current = reader;
        String[] segments = location == null ? new String[0] : location.split("/");
        for (int i = 0; i < segments.length && current != null; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals("fields") && current.getType() == Schema.Type.RECORD && i + 1 < segments.length) {
                int index = indexOrMinusOne(segments[++i]);
                if (index < 0 || index >= current.getFields().size()) {
                    break;
                }
                Schema.Field field = current.getFields().get(index);
                path.add(field.name());
                current = field.schema();
                if (i + 1 < segments.length && segments[i + 1].equals("type")) {
                    i++;
                }
            } else if (segment.equals("items") && current.getType() == Schema.Type.ARRAY) {
                current = current.getElementType();
            } else if (segment.equals("values") && current.getType() == Schema.Type.MAP) {
                current = current.getValueType();
            } else if (current.getType() == Schema.Type.UNION && indexOrMinusOne(segment) >= 0
                    && indexOrMinusOne(segment) < current.getTypes().size()) {
                current = current.getTypes().get(indexOrMinusOne(segment));
            } else {
                break;
            }
        }
        return String.join(".", path);
    }

    private static int indexOrMinusOne(String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
