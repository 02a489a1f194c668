package io.vigie.platform.kafka.serde;

import io.vigie.events.AlertRaised;
import io.vigie.platform.kafka.TestEvents;
import io.vigie.test.VigieInfrastructure;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry enforces BACKWARD compatibility per subject, as the build does for the committed contract. */
class SchemaEvolutionIT {

    private final String registryUrl = VigieInfrastructure.shared().schemaRegistryUrl();

    @Test
    void shouldRegisterACompatibleChangeAsANewVersionAndRefuseAnIncompatibleOne() {
        // given
        String subject = "evolution-" + UUID.randomUUID() + "-value";
        ConfluentRegistryClient registry = new ConfluentRegistryClient(registryUrl, null, Duration.ofSeconds(10));
        int v1 = registry.register(subject, AlertRaised.getClassSchema());

        // when a field with a default is added
        Schema withOptionalField = withField(AlertRaised.getClassSchema(),
                "{\"name\":\"ticketRef\",\"type\":[\"null\",\"string\"],\"default\":null}");
        int v2 = registry.register(subject, withOptionalField);

        // then
        assertThat(v2).isNotEqualTo(v1);
        assertThat(registry.latest(subject).id()).isEqualTo(v2);

        // and a required field without a default is refused with 409
        Schema withRequiredField = withField(withOptionalField, "{\"name\":\"tenant\",\"type\":\"string\"}");
        assertThatThrownBy(() -> registry.register(subject, withRequiredField))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("409")
                .hasMessageContaining("tenant");
    }

    @Test
    void shouldReadAnEventWrittenWithANewerSchemaIntoTheGeneratedClass() throws IOException {
        // given a producer already on a newer AlertRaised with one more field
        Schema newer = withField(AlertRaised.getClassSchema(),
                "{\"name\":\"ticketRef\",\"type\":[\"null\",\"string\"],\"default\":null}");
        AlertRaised alert = TestEvents.lockedAccountAlert("from the future");
        GenericRecord newerRecord = asNewerRecord(alert, newer);
        newerRecord.put("ticketRef", "INC-42");
        String topic = "evolution-" + UUID.randomUUID();
        ConfluentRegistryClient registry = new ConfluentRegistryClient(registryUrl, null, Duration.ofSeconds(10));
        registry.register(topic + "-value", AlertRaised.getClassSchema());
        byte[] bytes = new AvroSerializer(registry).serialize(topic, newerRecord);

        // when a consumer still on today's classes reads it
        Object read = new AvroDeserializer(registry, true).deserialize(topic, bytes);

        // then
        assertThat(read).isEqualTo(alert);
    }

    @Test
    void shouldFrameWithTheLatestIdOnlyARecordOfThatVerySchema() throws IOException {
        // given a subject whose latest version is a newer AlertRaised
        String topic = "latest-" + UUID.randomUUID();
        ConfluentRegistryClient registry = new ConfluentRegistryClient(registryUrl, null, Duration.ofSeconds(10));
        registry.register(topic + "-value", AlertRaised.getClassSchema());
        Schema newer = withField(AlertRaised.getClassSchema(),
                "{\"name\":\"ticketRef\",\"type\":[\"null\",\"string\"],\"default\":null}");
        int newerId = registry.register(topic + "-value", newer);
        AvroSerializer latestOnly = new AvroSerializer(registry, true);

        // then a record of that schema is framed with its id, and an older record is refused rather than mislabelled
        byte[] framed = latestOnly.serialize(topic, asNewerRecord(TestEvents.lockedAccountAlert("newer"), newer));
        assertThat(ByteBuffer.wrap(framed, 1, 4).getInt()).isEqualTo(newerId);
        assertThatThrownBy(() -> latestOnly.serialize(topic, TestEvents.lockedAccountAlert("older")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("use.latest.version");
    }

    /** Today's event as the newer producer would hold it: Avro's own schema resolution fills the new field. */
    private static GenericRecord asNewerRecord(AlertRaised alert, Schema newer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(AlertRaised.class).write(alert, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(AlertRaised.getClassSchema(), newer)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    private static Schema withField(Schema schema, String fieldJson) {
        String json = schema.toString();
        String withField = json.substring(0, json.lastIndexOf("]")) + "," + fieldJson + "]}";
        return new Schema.Parser().parse(withField);
    }
}
