package io.vigie.platform.kafka.serde;

import org.apache.kafka.common.errors.SerializationException;

import java.nio.ByteBuffer;

/** Confluent's framing: magic byte 0, the schema's global id as a 4-byte big-endian int, then Avro binary. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    static int schemaId(String topic, ByteBuffer buffer) {
        if (buffer.remaining() < HEADER_SIZE) {
            throw new UnknownSchemaException("Record on " + topic + " is " + buffer.remaining()
                    + " bytes, too short for the Confluent wire format");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new UnknownSchemaException("Unknown magic byte " + magic + " on " + topic
                    + ": not a Confluent-framed Avro record");
        }
        return buffer.getInt();
    }

    static SerializationException failure(String what, String topic, Exception cause) {
        return new SerializationException("Could not " + what + " Avro record on " + topic + ": " + cause.getMessage(),
                cause);
    }
}
