package io.vigie.schemas.compatibility;

import io.vigie.events.TopicSpec;
import io.vigie.events.Topics;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build-time guard of the event contract: every value schema must stay BACKWARD compatible with the schema of
 * its last release, kept in {@code schemas/baseline/<subject>.avsc}. BACKWARD means a consumer built from the new
 * schema can still read every event written with the released one, so consumers can be upgraded first and topics
 * replayed from the beginning.
 *
 * <p>Run by the build with the baseline directory as argument; {@code --write-baseline} records the current schemas
 * as the new baseline when a release is cut.
 */
public final class BackwardCompatibilityCheck {

    private BackwardCompatibilityCheck() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: BackwardCompatibilityCheck <baseline-dir> [--write-baseline]");
        }
        Path baseline = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("--write-baseline")) {
            writeBaseline(baseline, Topics.ALL);
            System.out.println("Wrote the baseline of " + Topics.ALL.size() + " value schemas to " + baseline);
            return;
        }
        List<String> problems = check(baseline, Topics.ALL);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The event contract changed in a way that is not BACKWARD compatible "
                    + "(add optional fields with defaults instead, or publish a new …v2 topic):\n  - "
                    + String.join("\n  - ", problems));
        }
        System.out.println("Event contract: " + Topics.ALL.size() + " value schemas are BACKWARD compatible with "
                + baseline);
    }

    /** Checks each topic's current value schema against its baseline; returns one readable line per problem. */
    public static List<String> check(Path baselineDirectory, List<TopicSpec<?>> topics) {
        List<String> problems = new ArrayList<>();
        for (TopicSpec<?> topic : topics) {
            Path file = baselineFile(baselineDirectory, topic);
            if (!Files.exists(file)) {
                continue; // a topic that was never released has nothing to stay compatible with
            }
            Schema released = new Schema.Parser().parse(read(file));
            problems.addAll(incompatibilities(topic.valueSubject(), topic.valueSchema(), released));
        }
        return problems;
    }

    /** What prevents {@code reader} from reading data written with {@code writer}, named by field path. */
    public static List<String> incompatibilities(String subject, Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            problems.add("%s: %s at %s (%s)".formatted(subject, incompatibility.getType(),
                    FieldPath.of(reader, incompatibility.getLocation()), incompatibility.getMessage()));
        }
        return problems;
    }

    static void writeBaseline(Path directory, List<TopicSpec<?>> topics) {
        try {
            Files.createDirectories(directory);
            for (TopicSpec<?> topic : topics) {
                Files.writeString(baselineFile(directory, topic), topic.valueSchema().toString(true) + "\n",
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path baselineFile(Path directory, TopicSpec<?> topic) {
        return directory.resolve(topic.valueSubject() + ".avsc");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
