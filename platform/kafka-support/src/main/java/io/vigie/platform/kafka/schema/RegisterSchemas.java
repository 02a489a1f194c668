package io.vigie.platform.kafka.schema;

import io.vigie.events.TopicSpec;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.serde.ConfluentRegistryClient;
import io.vigie.platform.kafka.serde.RegistryClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployment step that registers Vigie's event schemas with a Confluent-API registry, for environments where the
 * services run with {@code auto.register.schemas=false}. Registers each topic's value schema under
 * {@code <topic>-value} and under {@code <topic>.DLT-value} (records that fail processing are re-published there
 * with their schema). Re-running it changes nothing; a schema the registry's compatibility rules refuse fails it.
 *
 * <pre>java -cp … io.vigie.platform.kafka.schema.RegisterSchemas http://registry:8081 [user:password]</pre>
 */
public final class RegisterSchemas {

    private RegisterSchemas() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: RegisterSchemas <registry-url> [user:password]");
            System.exit(2);
        }
        RegistryClient registry = new ConfluentRegistryClient(args[0], args.length > 1 ? args[1] : null,
                Duration.ofSeconds(30));
        for (Registration registration : register(registry)) {
            System.out.printf("%-40s id %d%n", registration.subject(), registration.id());
        }
    }

    public static List<Registration> register(RegistryClient registry) {
        List<Registration> registrations = new ArrayList<>();
        for (TopicSpec<?> topic : Topics.ALL) {
            for (String subject : List.of(topic.valueSubject(), topic.deadLetterTopic() + "-value")) {
                registrations.add(new Registration(subject, registry.register(subject, topic.valueSchema())));
            }
        }
        return registrations;
    }

    public record Registration(String subject, int id) {
    }
}
