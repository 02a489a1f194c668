package io.vigie.platform.kafka.schema;

import io.vigie.events.Topics;
import io.vigie.platform.kafka.serde.ConfluentRegistryClient;
import io.vigie.test.VigieInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterSchemasIT {

    @Test
    void shouldRegisterEveryValueAndDeadLetterSubjectAndChangeNothingWhenRunAgain() {
        String url = VigieInfrastructure.shared().schemaRegistryUrl();

        List<RegisterSchemas.Registration> first = RegisterSchemas.register(
                new ConfluentRegistryClient(url, null, Duration.ofSeconds(10)));
        List<RegisterSchemas.Registration> again = RegisterSchemas.register(
                new ConfluentRegistryClient(url, null, Duration.ofSeconds(10)));

        assertThat(first).hasSize(Topics.ALL.size() * 2)
                .extracting(RegisterSchemas.Registration::subject)
                .contains("vigie.alert-raised-value", "vigie.alert-raised.DLT-value", "vigie.incident-closed-value");
        assertThat(again).isEqualTo(first);
        ConfluentRegistryClient reader = new ConfluentRegistryClient(url, null, Duration.ofSeconds(10));
        for (RegisterSchemas.Registration registration : first) {
            assertThat(reader.latest(registration.subject()).id()).isEqualTo(registration.id());
        }
    }
}
