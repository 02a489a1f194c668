package io.vigie.platform.kafka.serde;

import io.vigie.events.AlertRaised;
import io.vigie.platform.kafka.TestEvents;
import io.vigie.test.VigieInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCacheIT {

    private static final int RECORDS = 100_000;

    @Test
    void shouldMakeNoRegistryCallAfterWarmUp() {
        // given a serializer and a deserializer that each saw one record
        String registryUrl = VigieInfrastructure.shared().schemaRegistryUrl();
        ConfluentRegistryClient producerSide = new ConfluentRegistryClient(registryUrl, null, Duration.ofSeconds(10));
        ConfluentRegistryClient consumerSide = new ConfluentRegistryClient(registryUrl, null, Duration.ofSeconds(10));
        AvroSerializer serializer = new AvroSerializer(producerSide);
        AvroDeserializer deserializer = new AvroDeserializer(consumerSide, true);
        AlertRaised alert = TestEvents.lockedAccountAlert("cache");
        deserializer.deserialize("cache-topic", serializer.serialize("cache-topic", alert));
        long warmProducerCalls = producerSide.requestCount();
        long warmConsumerCalls = consumerSide.requestCount();

        // when
        Object last = null;
        for (int i = 0; i < RECORDS; i++) {
            last = deserializer.deserialize("cache-topic", serializer.serialize("cache-topic", alert));
        }

        // then
        assertThat(last).isEqualTo(alert);
        assertThat(warmProducerCalls).isEqualTo(1);
        assertThat(warmConsumerCalls).isEqualTo(1);
        assertThat(producerSide.requestCount() - warmProducerCalls).as("registry calls for %d records", RECORDS)
                .isZero();
        assertThat(consumerSide.requestCount() - warmConsumerCalls).isZero();
    }
}
