package io.vigie.schemas.compatibility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.Topics;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackwardCompatibilityCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAcceptTheCommittedContractAgainstItsBaseline() {
        assertThat(BackwardCompatibilityCheck.check(Path.of("baseline"), Topics.ALL)).isEmpty();
    }

    @Test
    void shouldNameTheFieldWhenANewRequiredFieldHasNoDefault(@TempDir Path baseline) throws Exception {
        // given a released AlertRaised that had no fingerprint yet
        BackwardCompatibilityCheck.writeBaseline(baseline, Topics.ALL);
        Path released = baseline.resolve("vigie.alert-raised-value.avsc");
        Files.writeString(released, edit(AlertRaised.getClassSchema(), record -> removeField(record, "fingerprint")));

        // when
        List<String> problems = BackwardCompatibilityCheck.check(baseline, Topics.ALL);

        // then
        assertThat(problems).singleElement().asString()
                .contains("vigie.alert-raised-value")
                .contains("READER_FIELD_MISSING_DEFAULT")
                .contains("AlertRaised.fingerprint");
    }

    @Test
    void shouldNameTheFieldWhoseTypeChanged() throws Exception {
        Schema released = new Schema.Parser().parse(edit(AlertClassified.getClassSchema(),
                record -> field(record, "priority").put("type", "string")));

        List<String> problems = BackwardCompatibilityCheck.incompatibilities("s", AlertClassified.getClassSchema(),
                released);

        assertThat(problems).singleElement().asString().contains("TYPE_MISMATCH").contains("AlertClassified.priority");
    }

    @Test
    void shouldNameTheNestedFieldInsideAnArray() throws Exception {
        // the released Indicator had no 'value'; today's reader requires it
        Schema released = new Schema.Parser().parse(edit(AlertRaised.getClassSchema(), record -> {
            ObjectNode indicator = (ObjectNode) field(record, "indicators").get("type").get("items");
            removeField(indicator, "value");
        }));

        List<String> problems = BackwardCompatibilityCheck.incompatibilities("s", AlertRaised.getClassSchema(), released);

        assertThat(problems).singleElement().asString().contains("AlertRaised.indicators[].value");
    }

    @Test
    void shouldAcceptAnAddedOptionalFieldWithADefault() throws Exception {
        Schema released = new Schema.Parser().parse(edit(AlertRaised.getClassSchema(),
                record -> removeField(record, "clientHint")));

        assertThat(BackwardCompatibilityCheck.incompatibilities("s", AlertRaised.getClassSchema(), released)).isEmpty();
    }

    @Test
    void shouldFailTheBuildWithEveryProblemListed(@TempDir Path baseline) throws Exception {
        BackwardCompatibilityCheck.writeBaseline(baseline, Topics.ALL);
        Files.writeString(baseline.resolve("vigie.alert-classified-value.avsc"), edit(
                AlertClassified.getClassSchema(), record -> field(record, "priority").put("type", "string")));

        assertThatThrownBy(() -> BackwardCompatibilityCheck.main(new String[] {baseline.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not BACKWARD compatible")
                .hasMessageContaining("AlertClassified.priority");
    }

    private static String edit(Schema schema, Consumer<ObjectNode> change) throws Exception {
        ObjectNode record = (ObjectNode) JSON.readTree(schema.toString());
        change.accept(record);
        return JSON.writeValueAsString(record);
    }

    private static ObjectNode field(ObjectNode record, String name) {
        for (var field : record.get("fields")) {
            if (field.get("name").asText().equals(name)) {
                return (ObjectNode) field;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }

    private static void removeField(ObjectNode record, String name) {
        ArrayNode fields = (ArrayNode) record.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals(name)) {
                fields.remove(i);
                return;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }
}
