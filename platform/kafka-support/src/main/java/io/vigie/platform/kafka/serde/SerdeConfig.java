package io.vigie.platform.kafka.serde;

import java.time.Duration;
import java.util.Map;

/**
 * The serde's settings, under the same keys as Confluent's serializers so that either can be configured with the
 * same {@code spring.kafka.properties.*}.
 */
record SerdeConfig(String registryUrl, String userInfo, boolean autoRegister, boolean useLatestVersion,
                   boolean specificReader, Duration timeout) {

    static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    static final String USE_LATEST_VERSION = "use.latest.version";
    static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    static SerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("Missing '" + SCHEMA_REGISTRY_URL + "': set "
                    + "spring.kafka.properties." + SCHEMA_REGISTRY_URL + " to the schema registry's URL");
        }
        // Confluent accepts a comma-separated list; the first reachable one is enough for a single registry.
        String first = url.toString().split(",")[0].trim();
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        return new SerdeConfig(first, userInfo == null ? null : userInfo.toString(),
                flag(configs, AUTO_REGISTER_SCHEMAS, true),
                flag(configs, USE_LATEST_VERSION, false),
                flag(configs, SPECIFIC_AVRO_READER, false),
                Duration.ofMillis(configs.get(REQUEST_TIMEOUT_MS) == null ? 10_000
                        : Long.parseLong(configs.get(REQUEST_TIMEOUT_MS).toString())));
    }

    RegistryClient newClient() {
        return new ConfluentRegistryClient(registryUrl, userInfo, timeout);
    }

    private static boolean flag(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : Boolean.parseBoolean(value.toString());
    }
}
