package io.vigie.system;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.vigie.localstack.VigieService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the services' consumer groups have not committed yet, read with the admin client as an operator's lag panel
 * would: for each group, over every partition of every topic it has committed on (a partition it never committed on
 * counts from its start, so a member that never began is not mistaken for done).
 */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /** The lag of each service's consumer group, by group id; 0 everywhere once the pipeline is idle. */
    public static Map<String, Long> ofServiceGroups(String bootstrapServers) {
        Set<String> services = java.util.Arrays.stream(VigieService.values()).map(VigieService::applicationName)
                .collect(Collectors.toSet());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<String, Long> lag = new TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                if (services.stream().anyMatch(group.groupId()::startsWith)) {
                    lag.put(group.groupId(), lag(admin, group.groupId()));
                }
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the consumer groups' offsets", e);
        }
    }

    /** What {@code group} has not committed yet of {@code topics}, over all their partitions. */
    public static long of(String bootstrapServers, String group, Collection<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return lag(admin, group, topics, admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the offsets of " + group, e);
        }
    }

    private static long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        return lag(admin, group, topics, committed);
    }

    private static long lag(Admin admin, String group, Collection<String> topics,
                            Map<TopicPartition, OffsetAndMetadata> committed) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var topic : admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue().offset() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /** How many partitions each of these topics has. */
    public static Map<String, Integer> partitions(String bootstrapServers, Set<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<String, Integer> counts = new TreeMap<>();
            admin.describeTopics(topics).allTopicNames().get()
                    .forEach((name, description) -> counts.put(name, description.partitions().size()));
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot describe the topics", e);
        }
    }
}
