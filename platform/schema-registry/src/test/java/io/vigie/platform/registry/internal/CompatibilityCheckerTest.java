package io.vigie.platform.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    private static final Schema NESTED = new Schema.Parser().parse("""
            {"type": "record", "name": "Envelope", "fields": [
              {"name": "id", "type": "string"},
              {"name": "payload", "type": ["null", {"type": "record", "name": "Payload", "fields": [
                {"name": "tags", "type": {"type": "array", "items": "string"}},
                {"name": "severity", "type": "int"}
              ]}]}
            ]}""");

    @Test
    void shouldNameTheTopLevelFieldALocationPointsAt() {
        assertThat(CompatibilityChecker.fieldAt(NESTED, "/fields/0/type")).isEqualTo("id");
    }

    @Test
    void shouldNameANestedFieldThroughUnionsAndRecords() {
        assertThat(CompatibilityChecker.fieldAt(NESTED, "/fields/1/type/1/fields/1/type")).isEqualTo("payload.severity");
        assertThat(CompatibilityChecker.fieldAt(NESTED, "/fields/1/type/1/fields/0/type/items")).isEqualTo("payload.tags");
    }

    @Test
    void shouldNameNothingForTheRootOrAnUnknownLocation() {
        assertThat(CompatibilityChecker.fieldAt(NESTED, "/")).isEmpty();
        assertThat(CompatibilityChecker.fieldAt(NESTED, "/fields/9/type")).isEmpty();
        assertThat(CompatibilityChecker.fieldAt(NESTED, null)).isEmpty();
    }

    @Test
    void shouldReportNothingUnderNone() {
        Schema a = new Schema.Parser().parse("\"string\"");
        Schema b = new Schema.Parser().parse("\"int\"");
        StoredSchema old = new StoredSchema(1, "\"string\"", a, a.toString());

        assertThat(CompatibilityChecker.check(CompatibilityLevel.NONE, b,
                List.of(new CompatibilityChecker.PreviousVersion(1, old)))).isEmpty();
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, b,
                List.of(new CompatibilityChecker.PreviousVersion(1, old)))).isNotEmpty();
    }
}
