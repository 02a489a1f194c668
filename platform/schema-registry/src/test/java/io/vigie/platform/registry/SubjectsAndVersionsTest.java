package io.vigie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectsAndVersionsTest extends RegistryServerTestSupport {

    @Test
    void shouldListNoSubjectsInAnEmptyRegistry() {
        assertThat(http.get("/subjects").body()).isEqualTo("[]");
    }

    @Test
    void shouldListSubjectsInNameOrder() {
        http.registerId("b-value", STRING_SCHEMA);
        http.registerId("a-value", STRING_SCHEMA);

        assertThat(http.get("/subjects").body()).isEqualTo("[\"a-value\",\"b-value\"]");
    }

    @Test
    void shouldFilterSubjectsByPrefix() {
        http.registerId("alerts-value", STRING_SCHEMA);
        http.registerId("cases-value", STRING_SCHEMA);

        assertThat(http.get("/subjects?subjectPrefix=al").body()).isEqualTo("[\"alerts-value\"]");
    }

    @Test
    void shouldListTheVersionsOfASubject() {
        http.registerId("alerts-value", ALERT_V1);
        http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

        assertThat(http.get("/subjects/alerts-value/versions").body()).isEqualTo("[1,2]");
    }

    @Test
    void shouldAnswer40401ForTheVersionsOfAnUnknownSubject() {
        RegistryHttp.Reply reply = http.get("/subjects/nope/versions");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"error_code\":40401,\"message\":\"Subject 'nope' not found.\"}");
    }

    @Test
    void shouldReturnAVersionWithItsSubjectIdVersionAndSchema() {
        int id = http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.get("/subjects/alerts-value/versions/1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("subject").asText()).isEqualTo("alerts-value");
        assertThat(reply.json().get("version").asInt()).isEqualTo(1);
        assertThat(reply.json().get("id").asInt()).isEqualTo(id);
        assertThat(reply.json().get("schema").asText()).isEqualTo(ALERT_V1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "-1"})
    void shouldReturnTheLatestVersion(String latest) {
        http.registerId("alerts-value", ALERT_V1);
        int v2 = http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

        RegistryHttp.Reply reply = http.get("/subjects/alerts-value/versions/" + latest);

        assertThat(reply.json().get("version").asInt()).isEqualTo(2);
        assertThat(reply.json().get("id").asInt()).isEqualTo(v2);
    }

    @Test
    void shouldAnswer40402ForAnUnknownVersion() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.get("/subjects/alerts-value/versions/7");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40402);
        assertThat(reply.message()).isEqualTo("Version 7 not found.");
    }

    @Test
    void shouldAnswer40401ForAVersionOfAnUnknownSubject() {
        RegistryHttp.Reply reply = http.get("/subjects/nope/versions/1");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-2", "99999999999", "1.5"})
    void shouldAnswer42202ForAnInvalidVersion(String version) {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.get("/subjects/alerts-value/versions/" + version);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42202);
        assertThat(reply.message()).contains("'" + version + "'");
    }

    @Test
    void shouldReturnTheRawSchemaOfAVersion() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.get("/subjects/alerts-value/versions/latest/schema");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(ALERT_V1);
    }

    @Test
    void shouldReturnASchemaByItsId() {
        int id = http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.get("/schemas/ids/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("schema").asText()).isEqualTo(ALERT_V1);
    }

    @Test
    void shouldReturnTheRawSchemaByItsId() {
        int id = http.registerId("alerts-value", ALERT_V1);

        assertThat(http.get("/schemas/ids/" + id + "/schema").body()).isEqualTo(ALERT_V1);
    }

    @Test
    void shouldAnswer40403ForAnUnknownSchemaId() {
        RegistryHttp.Reply reply = http.get("/schemas/ids/7");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"error_code\":40403,\"message\":\"Schema 7 not found\"}");
    }

    @Test
    void shouldListTheSubjectVersionsUsingASchemaId() {
        http.registerId("alerts-value", STRING_SCHEMA);
        int id = http.registerId("archive-value", STRING_SCHEMA);

        assertThat(http.get("/schemas/ids/" + id + "/versions").body())
                .isEqualTo("[{\"subject\":\"alerts-value\",\"version\":1},{\"subject\":\"archive-value\",\"version\":1}]");
        assertThat(http.get("/schemas/ids/" + id + "/subjects").body()).isEqualTo("[\"alerts-value\",\"archive-value\"]");
    }

    @Test
    void shouldAnswer40403ForTheVersionsOfAnUnknownSchemaId() {
        RegistryHttp.Reply reply = http.get("/schemas/ids/3/versions");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldListAvroAsTheOnlySchemaType() {
        assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void shouldFindARegisteredSchemaUnderItsSubject() {
        http.registerId("alerts-value", ALERT_V1);
        int id = http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

        RegistryHttp.Reply reply = http.post("/subjects/alerts-value", RegistryHttp.schemaBody(ALERT_WITH_SEVERITY_DEFAULT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("subject").asText()).isEqualTo("alerts-value");
        assertThat(reply.json().get("id").asInt()).isEqualTo(id);
        assertThat(reply.json().get("version").asInt()).isEqualTo(2);
        assertThat(reply.json().get("schema").asText()).isEqualTo(ALERT_WITH_SEVERITY_DEFAULT);
    }

    @Test
    void shouldAnswer40401WhenLookingUpASchemaInAnUnknownSubject() {
        RegistryHttp.Reply reply = http.post("/subjects/nope", RegistryHttp.schemaBody(ALERT_V1));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldAnswer40403WhenLookingUpASchemaTheSubjectDoesNotHold() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.post("/subjects/alerts-value", RegistryHttp.schemaBody(ALERT_WITH_SEVERITY_DEFAULT));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldAnswer42201WhenLookingUpAnUnparsableSchema() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.post("/subjects/alerts-value", RegistryHttp.schemaBody("{\"type\":\"nope\"}"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42201);
    }
}
