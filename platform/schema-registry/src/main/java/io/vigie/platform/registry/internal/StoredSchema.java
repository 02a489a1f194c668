package io.vigie.platform.registry.internal;

import org.apache.avro.Schema;

/**
 * A registered schema: its global id, the text as first registered (what clients get back) and its parsed
 * form. {@code identity} is Avro's full JSON rendering of the parsed schema: whitespace and attribute order
 * do not matter, but defaults, logical types, docs and aliases do, as in Confluent.
 */
record StoredSchema(int id, String text, Schema schema, String identity) {

    static StoredSchema parse(int id, String text) {
        Schema schema = AvroSchemas.parse(text);
        return new StoredSchema(id, text, schema, schema.toString());
    }
}
