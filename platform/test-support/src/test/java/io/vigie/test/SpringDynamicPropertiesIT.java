package io.vigie.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(SpringDynamicPropertiesIT.NoBeans.class)
class SpringDynamicPropertiesIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VigieInfrastructure.register(registry, "alert-intake");
    }

    @Autowired
    Environment environment;

    @Test
    void shouldPointTheSpringEnvironmentAtTheSharedInfrastructure() {
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(infrastructure.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.kafka.properties.schema.registry.url")).isEqualTo(infrastructure.schemaRegistryUrl());
        assertThat(environment.getProperty("spring.datasource.url")).matches("jdbc:postgresql://.*/vigie_alert_intake_\\d+.*");
        assertThat(environment.getProperty("spring.datasource.username")).isNotBlank();
        assertThat(environment.getProperty("spring.datasource.password")).isNotBlank();
        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(infrastructure.smtpPort());
    }

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }
}
