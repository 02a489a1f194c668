package io.vigie.localstack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.vigie.events.Topics;
import io.vigie.platform.registry.RegistryAccess;

/**
 * The one user the local stack's schema registry lets write: the services, which register the event schemas on
 * their first start. Its password is random, made on the first start and kept in {@value #FILE} (owner only); anyone
 * else who reaches the registry's port can read schemas, as every consumer must, but not change or delete them, and
 * nobody can delete the subjects Vigie's topics are framed with.
 */
record LocalRegistryUser(String name, String password) {

    static final String FILE = "local-registry-user.properties";
    static final String NAME = "vigie-services";

    static LocalRegistryUser loadOrCreate(Path varDirectory) {
        SecureRandom random = new SecureRandom();
        Map<String, String> secrets = LocalSecrets.loadOrCreate(varDirectory.resolve(FILE), List.of(NAME), () -> {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }, "The local schema registry's user, for the services; delete this file for a new password");
        return new LocalRegistryUser(NAME, secrets.get(NAME));
    }

    RegistryAccess access() {
        Set<String> topics = Topics.ALL.stream().map(topic -> topic.valueSubject()).collect(Collectors.toSet());
        return new RegistryAccess(Map.of(name, password), false, topics);
    }

    /** The services' registry client settings, with Confluent's property names. */
    List<String> asArguments() {
        return List.of("--spring.kafka.properties.basic.auth.credentials.source=USER_INFO",
                "--spring.kafka.properties.basic.auth.user.info=" + name + ":" + password);
    }

    @Override
    public String toString() {
        return "LocalRegistryUser[" + name + "]";
    }
}
