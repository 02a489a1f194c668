package io.vigie.platform.registry.internal;

import org.apache.avro.Schema;

final class AvroSchemas {

    private AvroSchemas() {
    }

    /** A fresh parser each time: {@link Schema.Parser} remembers every name it has seen and is not thread-safe. */
    static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("the schema is empty");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
