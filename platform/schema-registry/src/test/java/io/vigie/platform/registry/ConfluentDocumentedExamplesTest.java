package io.vigie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request/response examples of Confluent's Schema Registry API reference, replayed against this registry. */
class ConfluentDocumentedExamplesTest extends RegistryServerTestSupport {

    private static final String STRING_SCHEMA_BODY = "{\"schema\": \"{\\\"type\\\": \\\"string\\\"}\"}";

    @Test
    void registeringAStringSchemaUnderANewSubjectAnswersIdOne() {
        RegistryHttp.Reply reply = http.post("/subjects/Kafka-key/versions", STRING_SCHEMA_BODY);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"id\":1}");
    }

    @Test
    void listingSubjectsAnswersTheirNames() {
        http.post("/subjects/Kafka-key/versions", STRING_SCHEMA_BODY);
        http.post("/subjects/Kafka-value/versions", STRING_SCHEMA_BODY);

        assertThat(http.get("/subjects").body()).isEqualTo("[\"Kafka-key\",\"Kafka-value\"]");
    }

    @Test
    void listingVersionsAnswersTheVersionNumbers() {
        http.post("/subjects/Kafka-value/versions", STRING_SCHEMA_BODY);

        assertThat(http.get("/subjects/Kafka-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void fetchingAVersionAnswersSubjectVersionIdAndSchema() {
        http.post("/subjects/Kafka-value/versions", STRING_SCHEMA_BODY);

        assertThat(http.get("/subjects/Kafka-value/versions/1").body())
                .isEqualTo("{\"subject\":\"Kafka-value\",\"version\":1,\"id\":1,\"schema\":\"{\\\"type\\\": \\\"string\\\"}\"}");
        assertThat(http.get("/subjects/Kafka-value/versions/latest").body())
                .isEqualTo("{\"subject\":\"Kafka-value\",\"version\":1,\"id\":1,\"schema\":\"{\\\"type\\\": \\\"string\\\"}\"}");
    }

    @Test
    void fetchingASchemaByIdAnswersTheSchemaString() {
        http.post("/subjects/Kafka-value/versions", STRING_SCHEMA_BODY);

        assertThat(http.get("/schemas/ids/1").body()).isEqualTo("{\"schema\":\"{\\\"type\\\": \\\"string\\\"}\"}");
    }

    @Test
    void checkingWhetherASchemaIsRegisteredAnswersItsSubjectIdVersionAndSchema() {
        http.post("/subjects/Kafka-key/versions", STRING_SCHEMA_BODY);

        assertThat(http.post("/subjects/Kafka-key", STRING_SCHEMA_BODY).body())
                .isEqualTo("{\"subject\":\"Kafka-key\",\"version\":1,\"id\":1,\"schema\":\"{\\\"type\\\": \\\"string\\\"}\"}");
    }

    @Test
    void testingCompatibilityAgainstTheLatestVersionAnswersIsCompatible() {
        http.post("/subjects/Kafka-value/versions", STRING_SCHEMA_BODY);

        assertThat(http.post("/compatibility/subjects/Kafka-value/versions/latest", STRING_SCHEMA_BODY).body())
                .isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void updatingTheGlobalCompatibilityAnswersTheNewLevel() {
        assertThat(http.put("/config", "{\"compatibility\": \"NONE\"}").body()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    }

    @Test
    void updatingASubjectCompatibilityAnswersTheNewLevel() {
        http.post("/subjects/Kafka-value/versions", STRING_SCHEMA_BODY);

        assertThat(http.put("/config/Kafka-value", "{\"compatibility\": \"FULL\"}").body())
                .isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(http.get("/config/Kafka-value").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    }

    @Test
    void deletingASubjectAnswersItsVersions() {
        http.post("/subjects/Kafka-value/versions", STRING_SCHEMA_BODY);

        assertThat(http.delete("/subjects/Kafka-value").body()).isEqualTo("[1]");
    }

    @Test
    void deletingVersionOneAnswersOne() {
        http.post("/subjects/Kafka-value/versions", STRING_SCHEMA_BODY);

        assertThat(http.delete("/subjects/Kafka-value/versions/1").body()).isEqualTo("1");
    }

    @Test
    void deletingTheLatestVersionAnswersItsNumber() {
        http.post("/subjects/Kafka-value/versions", STRING_SCHEMA_BODY);

        assertThat(http.delete("/subjects/Kafka-value/versions/latest").body()).isEqualTo("1");
    }

    @Test
    void hardDeletingASubjectTakesASoftDeleteFirst() {
        http.post("/subjects/Kafka-value/versions", STRING_SCHEMA_BODY);

        assertThat(http.delete("/subjects/Kafka-value").body()).isEqualTo("[1]");
        assertThat(http.delete("/subjects/Kafka-value?permanent=true").body()).isEqualTo("[1]");
    }

    @Test
    void listingSchemaTypesAnswersTheSupportedTypes() {
        assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    }
}
