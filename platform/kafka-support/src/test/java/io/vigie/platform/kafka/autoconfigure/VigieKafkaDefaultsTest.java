package io.vigie.platform.kafka.autoconfigure;

import io.vigie.platform.kafka.serde.AvroSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VigieKafkaDefaultsTest {

    @Test
    void shouldConfigureAnIdempotentAvroProducerThatWaitsForAllReplicas() {
        StandardEnvironment environment = process(new StandardEnvironment());

        assertThat(environment.getProperty("spring.kafka.producer.value-serializer"))
                .isEqualTo(AvroSerializer.class.getName());
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.producer.properties.enable.idempotence")).isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.producer.properties.linger.ms")).isEqualTo("1");
        assertThat(environment.getProperty("spring.kafka.properties.auto.register.schemas")).isEqualTo("true");
    }

    @Test
    void shouldNotRegisterSchemasFromServicesInProduction() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("production");

        assertThat(process(environment).getProperty("spring.kafka.properties.auto.register.schemas"))
                .isEqualTo("false");
    }

    @Test
    void shouldLetTheServiceOverrideEveryDefault() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("spring.kafka.producer.properties.linger.ms", "20")));

        assertThat(process(environment).getProperty("spring.kafka.producer.properties.linger.ms")).isEqualTo("20");
    }

    @Test
    void shouldNameTheConsumerGroupAfterTheService() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("spring.application.name", "triage-service")));

        assertThat(process(environment).getProperty("spring.kafka.consumer.group-id")).isEqualTo("triage-service");
    }

    private static StandardEnvironment process(StandardEnvironment environment) {
        new VigieKafkaDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
