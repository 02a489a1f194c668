package io.vigie.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

class SpringPropertiesIT {

    @Test
    void shouldRegisterEverySpringPropertyAServiceNeeds() throws Exception {
        // given
        Map<String, Supplier<Object>> registered = new LinkedHashMap<>();
        DynamicPropertyRegistry registry = registered::put;

        // when
        VigieInfrastructure.register(registry, "postmortem");

        // then
        assertThat(registered).containsOnlyKeys(
                "spring.kafka.bootstrap-servers",
                "spring.kafka.properties.schema.registry.url",
                "spring.datasource.url",
                "spring.datasource.username",
                "spring.datasource.password",
                "spring.mail.host",
                "spring.mail.port");
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        assertThat(registered.get("spring.kafka.bootstrap-servers").get()).isEqualTo(infrastructure.kafkaBootstrapServers());
        assertThat(registered.get("spring.kafka.properties.schema.registry.url").get()).isEqualTo(infrastructure.schemaRegistryUrl());
        assertThat(registered.get("spring.mail.host").get()).isEqualTo("127.0.0.1");
        assertThat(registered.get("spring.mail.port").get()).isEqualTo(String.valueOf(infrastructure.smtpPort()));
        assertThat((String) registered.get("spring.datasource.url").get()).matches("jdbc:postgresql://.*/vigie_postmortem_\\d+.*");
        assertThat(registered.get("spring.datasource.url").get())
                .as("one database per registration, however often Spring reads it")
                .isEqualTo(registered.get("spring.datasource.url").get());
        try (Connection connection = DriverManager.getConnection((String) registered.get("spring.datasource.url").get(),
                (String) registered.get("spring.datasource.username").get(), (String) registered.get("spring.datasource.password").get())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }
}
