package io.vigie.platform.kafka.autoconfigure;

import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.platform.kafka.serde.AvroSerializer;
import io.vigie.platform.kafka.serde.AvroTrust;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vigie's Kafka client defaults, added with the lowest precedence so that any {@code spring.kafka.*} a service or an
 * operator sets wins. Keeping them as properties (not code) means {@code /actuator/env} shows them and Confluent's own
 * serializer classes can be swapped in by configuration alone.
 */
public class VigieKafkaDefaults implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "vigieKafkaDefaults";
    static final String PRODUCTION_PROFILE = "production";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        AvroTrust.trustVigieEvents();
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults(environment)));
    }

    static Map<String, Object> defaults(ConfigurableEnvironment environment) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.bootstrap-servers", "127.0.0.1:9092");
        defaults.put("spring.kafka.properties.schema.registry.url", "http://127.0.0.1:8081");
        // Local runs register schemas as they go; in production the deployment registers them (RegisterSchemas),
        // so a service can never put an unreviewed schema into the registry.
        defaults.put("spring.kafka.properties.auto.register.schemas",
                !environment.matchesProfiles(PRODUCTION_PROFILE));

        defaults.put("spring.kafka.producer.key-serializer", StringSerializer.class.getName());
        defaults.put("spring.kafka.producer.value-serializer", AvroSerializer.class.getName());
        // An event is only published when every in-sync replica has it, and retries never duplicate it.
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", true);
        // 1 ms lets concurrent sends (webhook bursts, listener batches) share a request without making a lone
        // event wait; Kafka 4's 5 ms default would add 5 ms to every acknowledged webhook when the load is low.
        defaults.put("spring.kafka.producer.properties.linger.ms", 1);

        defaults.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.enable-auto-commit", false);
        defaults.put("spring.kafka.consumer.isolation-level", "read_committed");
        // The ErrorHandlingDeserializer turns a record that cannot be read into a DeserializationException the
        // error handler sends straight to the DLT, instead of a poison pill the consumer fails on forever.
        defaults.put("spring.kafka.consumer.key-deserializer", ErrorHandlingDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.value-deserializer", ErrorHandlingDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.properties.spring.deserializer.key.delegate.class",
                StringDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
                AvroDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.properties.specific.avro.reader", true);
        return defaults;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
