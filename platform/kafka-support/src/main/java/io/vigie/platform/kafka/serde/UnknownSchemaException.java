package io.vigie.platform.kafka.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The registry has no such schema or subject: retrying will not help, so the record belongs on the DLT. */
public class UnknownSchemaException extends SerializationException {

    public UnknownSchemaException(String message) {
        super(message);
    }
}
