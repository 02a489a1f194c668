package io.vigie.platform.kafka.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Confluent-framed Avro. The writer's schema comes from the registry by the id in the frame (cached); with
 * {@code specific.avro.reader=true} the record is resolved into the generated class of the same full name, so a
 * consumer built from a newer schema reads older events. A frame that is not Confluent's, or names an id the
 * registry does not know, fails with a {@link SerializationException} that Spring's ErrorHandlingDeserializer turns
 * into a record for the dead-letter topic instead of an endless retry.
 */
public class AvroDeserializer implements Deserializer<Object> {

    static {
        AvroTrust.trustVigieEvents();
    }

    private RegistryClient registry;
    private boolean specificReader;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    public AvroDeserializer() {
    }

    /** For tests and benchmarks: a deserializer on a given client. */
    public AvroDeserializer(RegistryClient registry, boolean specificReader) {
        this.registry = registry;
        this.specificReader = specificReader;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeConfig config = SerdeConfig.from(configs);
        this.specificReader = config.specificReader();
        if (registry == null) {
            this.registry = config.newClient();
        }
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = WireFormat.schemaId(topic, buffer);
        DatumReader<Object> reader = readers.computeIfAbsent(id, this::readerFor);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, buffer.position(), buffer.remaining(),
                    null));
        } catch (IOException | RuntimeException e) {
            throw WireFormat.failure("deserialize", topic, e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<Object> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        if (specificReader) {
            Class<?> type = SpecificData.get().getClass(writer);
            if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
                throw new UnknownSchemaException("No generated class for " + writer.getFullName()
                        + " (schema id " + id + ") on the classpath");
            }
            Schema reader = SpecificData.get().getSchema(type);
            return (DatumReader<Object>) (DatumReader<?>) new SpecificDatumReader<>(writer, reader,
                    SpecificData.getForClass(type));
        }
        return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
}
