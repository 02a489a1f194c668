package io.vigie.platform.kafka.serde;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroDeserializerTest {

    /** Fails the test if the deserializer asks the registry anything: bad frames must be refused before. */
    private final RegistryClient unreachable = new RegistryClient() {
        public int register(String subject, Schema schema) { throw new AssertionError("no call expected"); }
        public int idOf(String subject, Schema schema) { throw new AssertionError("no call expected"); }
        public RegisteredSchema latest(String subject) { throw new AssertionError("no call expected"); }
        public Schema schemaById(int id) { throw new AssertionError("no call expected"); }
    };

    @Test
    void shouldRefuseARecordWithAnUnknownMagicByte() {
        AvroDeserializer deserializer = new AvroDeserializer(unreachable, true);

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {1, 0, 0, 0, 1, 2, 3}))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("Unknown magic byte 1");
    }

    @Test
    void shouldRefuseARecordTooShortForTheFrame() {
        AvroDeserializer deserializer = new AvroDeserializer(unreachable, true);

        assertThatThrownBy(() -> deserializer.deserialize("t", "{}".getBytes()))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("too short");
    }
}
