package io.vigie.platform.kafka.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializes Avro specific and generic records in Confluent's wire format, under TopicNameStrategy subjects
 * ({@code <topic>-value}, {@code <topic>-key}). With {@code auto.register.schemas=false} (production) the schema must
 * already be registered, by the deployment step, and the serializer only looks its id up.
 */
public class AvroSerializer implements Serializer<Object> {

    private RegistryClient registry;
    private SerdeConfig config;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();

    public AvroSerializer() {
    }

    /** For tests and benchmarks: a serializer on a given client, auto-registering. */
    public AvroSerializer(RegistryClient registry) {
        this(registry, false);
    }

    /** For tests: a serializer on a given client that frames records with the subject's latest id, or registers. */
    public AvroSerializer(RegistryClient registry, boolean useLatestVersion) {
        this.registry = registry;
        this.config = new SerdeConfig("", null, !useLatestVersion, useLatestVersion, false, null);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = SerdeConfig.from(configs);
        this.isKey = isKey;
        if (registry == null) {
            this.registry = config.newClient();
        }
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer record)) {
            throw new SerializationException("Cannot serialize " + data.getClass().getName() + " on " + topic
                    + ": not an Avro record");
        }
        Schema schema = record.getSchema();
        String subject = topic + (isKey ? "-key" : "-value");
        int id = schemaId(subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFormat.MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(record).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw WireFormat.failure("serialize", topic, e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        if (config.useLatestVersion()) {
            // Framing a record with another schema's id would make it unreadable: use the latest id only when the
            // record was built with exactly that schema.
            RegistryClient.RegisteredSchema latest = registry.latest(subject);
            if (!latest.schema().equals(schema)) {
                throw new SerializationException("use.latest.version: the latest schema of " + subject + " (id "
                        + latest.id() + ") is not the schema of this " + schema.getFullName()
                        + "; register the record's schema or turn use.latest.version off");
            }
            return latest.id();
        }
        return config.autoRegister() ? registry.register(subject, schema) : registry.idOf(subject, schema);
    }

    // A generated class carries its own logical-type conversions (UUID, Instant); a generic record does not.
    private DatumWriter<Object> writerFor(GenericContainer record) {
        if (record instanceof SpecificRecord) {
            return specificWriters.computeIfAbsent(record.getSchema(), SpecificDatumWriter::new);
        }
        return genericWriters.computeIfAbsent(record.getSchema(), s -> new GenericDatumWriter<>(s, GenericData.get()));
    }
}
