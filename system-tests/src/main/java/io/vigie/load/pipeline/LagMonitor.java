package io.vigie.load.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.vigie.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag per stage, sampled: for each consumer group of the stack and each topic it reads, the records written
 * but not yet committed by the group (end offsets minus committed offsets, summed over partitions; a partition the
 * group holds but never committed counts from 0, the broker being fresh). Also the records on each dead-letter topic.
 */
final class LagMonitor implements AutoCloseable {

    /** One sample: wall-clock time and lag by stage ({@code group ← topic}). */
    record Sample(long epochMillis, Map<String, Long> lag) {
        long total() {
            return lag.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Admin admin;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lag-sampler");
        thread.setDaemon(true);
        return thread;
    });

    LagMonitor(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        this.admin = Admin.create(config);
    }

    void sampleEvery(long millis) {
        sampler.scheduleAtFixedRate(() -> {
            try {
                Sample sample = sample();
                synchronized (samples) {
                    samples.add(sample);
                }
            } catch (RuntimeException e) {
                if (!sampler.isShutdown()) {
                    System.out.println("  lag sample failed: " + e.getMessage());
                }
            }
        }, 0, millis, TimeUnit.MILLISECONDS);
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    Sample sample() {
        try {
            Set<String> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId).collect(Collectors.toCollection(TreeSet::new));
            Map<String, Map<TopicPartition, Long>> committed = new TreeMap<>();
            Set<TopicPartition> partitions = new HashSet<>();
            var descriptions = admin.describeConsumerGroups(groups).describedGroups();
            for (String group : groups) {
                Map<TopicPartition, Long> offsets = new HashMap<>();
                try {
                    ConsumerGroupDescription description = descriptions.get(group).get(10, TimeUnit.SECONDS);
                    for (MemberDescription member : description.members()) {
                        member.assignment().topicPartitions().forEach(partition -> offsets.put(partition, 0L));
                    }
                } catch (ExecutionException e) {
                    // A group rebalancing or gone: its committed offsets below still say where it is.
                }
                Map<TopicPartition, OffsetAndMetadata> done = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                done.forEach((partition, offset) -> {
                    if (offset != null) {
                        offsets.put(partition, offset.offset());
                    }
                });
                offsets.keySet().removeIf(partition -> partition.topic().endsWith(Topics.DEAD_LETTER_SUFFIX));
                committed.put(group, offsets);
                partitions.addAll(offsets.keySet());
            }
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<String, Long> lag = new TreeMap<>();
            committed.forEach((group, offsets) -> offsets.forEach((partition, offset) -> lag.merge(
                    group + " ← " + partition.topic(), Math.max(0, ends.getOrDefault(partition, 0L) - offset), Long::sum)));
            return new Sample(System.currentTimeMillis(), lag);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sampling the lag", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Lag sample failed: " + e.getMessage(), e);
        }
    }

    /** Records on each dead-letter topic (end minus start offsets), every {@code .DLT} topic listed, empty or not. */
    Map<String, Long> deadLetters() {
        try {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(Topics.DEAD_LETTER_SUFFIX))
                    .collect(Collectors.toSet());
            Map<String, Long> counts = new TreeMap<>();
            topics.forEach(topic -> counts.put(topic, 0L));
            Set<TopicPartition> partitions = partitionsOf(topics);
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
            for (TopicPartition partition : partitions) {
                counts.merge(partition.topic(), ends.getOrDefault(partition, 0L) - starts.getOrDefault(partition, 0L),
                        Long::sum);
            }
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while counting dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Counting dead letters failed: " + e.getMessage(), e);
        }
    }

    /** The partition count of each of the pipeline's topics (internal and dead-letter topics left out). */
    Map<String, Integer> partitionCounts() {
        try {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> !name.startsWith("_") && !name.endsWith(Topics.DEAD_LETTER_SUFFIX))
                    .collect(Collectors.toSet());
            Map<String, Integer> counts = new TreeMap<>();
            partitionsOf(topics).forEach(partition -> counts.merge(partition.topic(), 1, Integer::sum));
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing the topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Describing the topics failed: " + e.getMessage(), e);
        }
    }

    /** Records written so far to {@code topic}, all partitions. */
    long endOffset(String topic) {
        try {
            return offsets(partitionsOf(Set.of(topic)), OffsetSpec.latest()).values().stream()
                    .mapToLong(Long::longValue).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Reading the end of " + topic + " failed: " + e.getMessage(), e);
        }
    }

    private Set<TopicPartition> partitionsOf(Set<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<TopicPartition> partitions = new HashSet<>();
        if (topics.isEmpty()) {
            return partitions;
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        descriptions.forEach((topic, description) -> description.partitions()
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
        return partitions;
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
