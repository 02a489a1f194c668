package io.vigie.platform.kafka.autoconfigure;

import io.vigie.events.TopicSpec;
import io.vigie.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.serializer.StringOrBytesSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What every Vigie service gets from Kafka: topic declarations from {@link Topics}, and an error handler that retries
 * a failing record a bounded number of times, then moves it to {@code <topic>.DLT} with the original topic, partition,
 * offset and exception in its headers, so the records behind it keep flowing. Records that cannot be deserialized go
 * there on the first attempt: no retry can change their bytes. A record whose processing failed because the service's
 * own database (or another resource it needs) is unreachable is not at fault: it is retried, at the longest interval,
 * until the resource is back, so an outage of any length delays the pipeline but dead-letters nothing.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(VigieKafkaProperties.class)
public class VigieKafkaAutoConfiguration {

    /** Header on every dead-lettered record: the innermost cause of its failure, readable by a person. */
    public static final String REASON_HEADER = "vigie_dlt-reason";

    /** Counter of dead-lettered records, tagged with the topic they came from. */
    public static final String DEAD_LETTERS_METRIC = "vigie.kafka.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(VigieKafkaAutoConfiguration.class);

    @Bean
    @ConditionalOnBooleanProperty(name = "vigie.kafka.topics.create", matchIfMissing = true)
    KafkaAdmin.NewTopics vigieTopics(VigieKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec<?> topic : Topics.ALL) {
            topics.add(declare(topic.name(), properties.topics(), topic.compacted()));
            topics.add(declare(topic.deadLetterTopic(), properties.topics(), false));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic declare(String name, VigieKafkaProperties.Topics settings, boolean compacted) {
        TopicBuilder topic = TopicBuilder.name(name)
                .partitions(settings.partitions())
                .replicas(settings.replicationFactor());
        return (compacted ? topic.compact() : topic).build();
    }

    /**
     * The raw bytes of records that could not be deserialized are written to the DLT as they came, since no schema
     * can be trusted for them; every other record is written with the service's own (Avro) template.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler vigieErrorHandler(KafkaTemplate<?, ?> template, RawBytesTemplate rawBytesTemplate,
                                          VigieKafkaProperties properties,
                                          ObjectProvider<RetryListener> retryListeners,
                                          ObjectProvider<MeterRegistry> meters) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, rawBytesTemplate.template());
        templates.put(Object.class, template);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates, toDeadLetterTopic());
        recoverer.setHeadersFunction(VigieKafkaAutoConfiguration::reasonHeader);

        VigieKafkaProperties.Retry retry = properties.retry();
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(Math.max(0, retry.maxAttempts() - 1));

        ExponentialBackOff untilAvailable = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        untilAvailable.setMaxInterval(retry.maxInterval().toMillis());

        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.setBackOffFunction((record, exception) -> UnavailableResource.causes(exception) ? untilAvailable : null);
        List<RetryListener> listeners = new ArrayList<>(retryListeners.orderedStream().toList());
        listeners.add(new DeadLetterAccounting(meters.getIfAvailable(SimpleMeterRegistry::new)));
        handler.setRetryListeners(listeners.toArray(RetryListener[]::new));
        return handler;
    }

    /**
     * Spring's own headers name the outermost exception ("failed to deserialize", "listener failed"); operators
     * need the innermost one, which says what was wrong with the record.
     */
    private static Headers reasonHeader(ConsumerRecord<?, ?> record, Exception exception) {
        return new RecordHeaders().add(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
    }

    static String reason(Exception exception) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> toDeadLetterTopic() {
        // Partition -1: let the producer pick by key, so the DLT need not have as many partitions as its topic.
        return (record, exception) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1);
    }

    @Bean
    @ConditionalOnMissingBean
    RawBytesTemplate vigieRawBytesDeadLetterTemplate(KafkaProperties kafkaProperties) {
        Map<String, Object> config = new LinkedHashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringOrBytesSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new RawBytesTemplate(new DefaultKafkaProducerFactory<>(config));
    }

    /**
     * Publishes records as raw bytes. Not a {@code ProducerFactory} bean on purpose: one would switch off Boot's own
     * producer factory, which is conditional on there being none.
     */
    public static final class RawBytesTemplate implements DisposableBean {

        private final DefaultKafkaProducerFactory<Object, Object> factory;
        private final KafkaTemplate<Object, Object> template;

        RawBytesTemplate(DefaultKafkaProducerFactory<Object, Object> factory) {
            this.factory = factory;
            this.template = new KafkaTemplate<>(factory);
        }

        public KafkaTemplate<Object, Object> template() {
            return template;
        }

        @Override
        public void destroy() {
            factory.destroy();
        }
    }

    /** Logs every failed delivery and counts dead-lettered records per source topic, for the DLT-growth alert. */
    static final class DeadLetterAccounting implements RetryListener {

        private final MeterRegistry meters;

        DeadLetterAccounting(MeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
            log.warn("Delivery {} of {}-{}@{} failed: {}", deliveryAttempt, record.topic(), record.partition(),
                    record.offset(), reason(exception));
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception exception) {
            log.error("Moved {}-{}@{} to {}{}: {}", record.topic(), record.partition(), record.offset(),
                    record.topic(), Topics.DEAD_LETTER_SUFFIX, reason(exception));
            Counter.builder(DEAD_LETTERS_METRIC)
                    .description("Records moved to a dead-letter topic, by the topic they came from")
                    .tag("topic", record.topic())
                    .register(meters)
                    .increment();
        }
    }
}
