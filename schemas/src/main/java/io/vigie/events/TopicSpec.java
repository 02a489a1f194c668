package io.vigie.events;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One topic of the contract: its name, what its records are keyed by, and the Avro type of its values.
 * Every key is a string; {@code keyedBy} says which one, because the key decides ordering and partitioning.
 * A {@code compacted} topic keeps the last record of each key for ever (a state, such as the client directory),
 * where the others keep every record for their retention time (a history).
 */
public record TopicSpec<V extends SpecificRecord>(String name, String keyedBy, Class<V> valueType, Schema valueSchema,
                                                  boolean compacted) {

    public TopicSpec(String name, String keyedBy, Class<V> valueType, Schema valueSchema) {
        this(name, keyedBy, valueType, valueSchema, false);
    }

    /** The schema registry subject of the values (Confluent's TopicNameStrategy). */
    public String valueSubject() {
        return name + "-value";
    }

    /** Where records that cannot be processed go, with the original coordinates and the error in headers. */
    public String deadLetterTopic() {
        return name + Topics.DEAD_LETTER_SUFFIX;
    }
}
