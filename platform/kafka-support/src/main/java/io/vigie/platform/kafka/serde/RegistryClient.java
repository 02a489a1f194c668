package io.vigie.platform.kafka.serde;

import org.apache.avro.Schema;

/** What the serde needs from a Confluent-API schema registry. Implementations cache: ids and schemas never change. */
public interface RegistryClient {

    /** Registers {@code schema} under {@code subject} (or finds it registered) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} if it is registered under {@code subject}; fails when it is not. */
    int idOf(String subject, Schema schema);

    /** The id and schema of the latest version of {@code subject}. */
    RegisteredSchema latest(String subject);

    /** The schema with this global id; fails with {@link UnknownSchemaException} when the registry has none. */
    Schema schemaById(int id);

    record RegisteredSchema(int id, Schema schema) {
    }
}
