package io.vigie.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.vigie.platform.kafka.serde.AvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic as it is now, from the first record to the last, with no consumer group: what is on the wire. */
final class TopicReader {

    private final String bootstrapServers;
    private final String schemaRegistryUrl;

    TopicReader(String bootstrapServers, String schemaRegistryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
    }

    /** Every event of the topic, partition by partition, each partition in offset order. */
    <T> List<T> events(String topic, Class<T> type) {
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", schemaRegistryUrl, "specific.avro.reader", "true"), false);
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<String, Object> record : read(topic, values)) {
            events.add(type.cast(record.value()));
        }
        return events;
    }

    /** How many records the topic holds (a dead-letter topic: whatever their bytes). */
    int count(String topic) {
        return read(topic, new ByteArrayDeserializer()).size();
    }

    private <V> List<ConsumerRecord<String, V>> read(String topic, Deserializer<V> values) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end " + ends);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        records.sort(Comparator.<ConsumerRecord<String, V>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }
}
