package io.vigie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterSchemaTest extends RegistryServerTestSupport {

    @Test
    void shouldReturnSameIdWhenTheSameSchemaIsRegisteredTwice() {
        int first = http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply second = http.register("alerts-value", ALERT_V1);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asInt()).isEqualTo(first);
        assertThat(http.get("/subjects/alerts-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldTreatSchemasDifferingOnlyInLayoutAsTheSameAndKeepTheFirstText() {
        int first = http.registerId("alerts-value", ALERT_V1);
        String compact = compact(ALERT_V1);

        int second = http.registerId("alerts-value", compact);

        assertThat(second).isEqualTo(first);
        assertThat(http.get("/schemas/ids/" + first).json().get("schema").asText()).isEqualTo(ALERT_V1);
    }

    @Test
    void shouldReturnTheSameIdWhenTheSameSchemaIsRegisteredUnderAnotherSubject() {
        int underAlerts = http.registerId("alerts-value", ALERT_V1);

        int underArchive = http.registerId("archive-value", ALERT_V1);

        assertThat(underArchive).isEqualTo(underAlerts);
        assertThat(http.get("/subjects/archive-value/versions/1").json().get("id").asInt()).isEqualTo(underAlerts);
    }

    @Test
    void shouldAssignDifferentIdsToSchemasDifferingOnlyInADefault() {
        String lowDefault = ALERT_WITH_SEVERITY_DEFAULT;
        String highDefault = ALERT_WITH_SEVERITY_DEFAULT.replace("\"LOW\"", "\"HIGH\"");

        int low = http.registerId("low-value", lowDefault);
        int high = http.registerId("high-value", highDefault);

        assertThat(high).isNotEqualTo(low);
    }

    @Test
    void shouldAssignDifferentIdsToSchemasDifferingOnlyInALogicalType() {
        String plainLong = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"at\",\"type\":\"long\"}]}";
        String timestamp = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"at\","
                + "\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}]}";

        int plain = http.registerId("plain-value", plainLong);
        int logical = http.registerId("logical-value", timestamp);

        assertThat(logical).isNotEqualTo(plain);
    }

    @Test
    void shouldRegisterAFieldAddedWithADefaultAsVersionTwo() {
        int v1 = http.registerId("alerts-value", ALERT_V1);

        int v2 = http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(http.get("/subjects/alerts-value/versions").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/alerts-value/versions/2").json().get("id").asInt()).isEqualTo(v2);
    }

    @Test
    void shouldRejectAFieldAddedWithoutADefaultWith409NamingTheField() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.register("alerts-value", ALERT_WITH_SEVERITY_NO_DEFAULT);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo(409);
        assertThat(reply.message())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"alerts-value\", details: [")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("'severity'")
                .contains("/fields/2")
                .contains("{oldSchemaVersion: 1}")
                .contains("{compatibility: 'BACKWARD'}");
        assertThat(http.get("/subjects/alerts-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldRejectAChangedFieldTypeWith409NamingTheField() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.register("alerts-value", ALERT_WITH_SOURCE_AS_INT);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.message()).contains("TYPE_MISMATCH").contains("field 'source'").contains("/fields/1/type");
    }

    @Test
    void shouldNotConsumeAnIdWhenARegistrationIsRejected() {
        http.registerId("alerts-value", ALERT_V1);
        http.register("alerts-value", ALERT_WITH_SEVERITY_NO_DEFAULT);

        int next = http.registerId("other-value", STRING_SCHEMA);

        assertThat(next).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": \"recrd\", \"name\": \"X\"}", "not json at all", "{\"type\":\"record\",\"name\":\"X\"}",
            "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"f\",\"type\":\"int\",\"default\":\"oops\"}]}"})
    void shouldRejectAnUnparsableSchemaWith42201(String schema) {
        RegistryHttp.Reply reply = http.register("alerts-value", schema);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42201);
        assertThat(reply.message()).startsWith("Invalid schema");
    }

    @Test
    void shouldRejectARequestWithoutASchemaWith42201() {
        RegistryHttp.Reply reply = http.post("/subjects/alerts-value/versions", "{}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42201);
    }

    @Test
    void shouldAcceptAnExplicitAvroSchemaType() {
        String body = "{\"schemaType\":\"AVRO\",\"references\":[],\"schema\":" + quoted(STRING_SCHEMA) + "}";

        RegistryHttp.Reply reply = http.post("/subjects/alerts-value/versions", body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"id\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "PROTOBUF"})
    void shouldRejectSchemaTypesOtherThanAvroWith42201(String type) {
        String body = "{\"schemaType\":\"" + type + "\",\"schema\":\"{\\\"type\\\":\\\"object\\\"}\"}";

        RegistryHttp.Reply reply = http.post("/subjects/alerts-value/versions", body);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42201);
        assertThat(reply.message()).contains(type);
    }

    @Test
    void shouldRejectSchemaReferencesWith42201() {
        String body = "{\"schema\":" + quoted(STRING_SCHEMA)
                + ",\"references\":[{\"name\":\"io.vigie.Other\",\"subject\":\"other\",\"version\":1}]}";

        RegistryHttp.Reply reply = http.post("/subjects/alerts-value/versions", body);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42201);
        assertThat(reply.message()).contains("references");
    }

    @Test
    void shouldAnswer400ForAMalformedJsonBody() {
        RegistryHttp.Reply reply = http.post("/subjects/alerts-value/versions", "{\"schema\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(400);
        assertThat(reply.message()).isNotBlank();
    }

    @Test
    void shouldAnswer400WhenTheSchemaIsAnObjectInsteadOfAString() {
        RegistryHttp.Reply reply = http.post("/subjects/alerts-value/versions", "{\"schema\": {\"type\": \"string\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/json; charset=utf-8"})
    void shouldAcceptEveryConfluentRequestMediaType(String contentType) {
        RegistryHttp.Reply reply = http.send("POST", "/subjects/alerts-value/versions",
                RegistryHttp.schemaBody(STRING_SCHEMA), contentType);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"id\":1}");
    }

    @Test
    void shouldAnswer415ForAnUnsupportedContentType() {
        RegistryHttp.Reply reply = http.send("POST", "/subjects/alerts-value/versions",
                RegistryHttp.schemaBody(STRING_SCHEMA), "text/plain");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.errorCode()).isEqualTo(415);
    }

    private static String quoted(String text) {
        return RegistryHttp.JSON.getNodeFactory().textNode(text).toString();
    }

    private static String compact(String json) {
        try {
            return RegistryHttp.JSON.readTree(json).toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
