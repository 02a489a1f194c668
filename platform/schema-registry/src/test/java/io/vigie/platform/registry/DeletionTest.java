package io.vigie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeletionTest extends RegistryServerTestSupport {

    @Test
    void shouldSoftDeleteASubjectAndReturnTheDeletedVersions() {
        http.registerId("alerts-value", ALERT_V1);
        http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

        RegistryHttp.Reply reply = http.delete("/subjects/alerts-value");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").body()).isEqualTo("[]");
        assertThat(http.get("/subjects?deleted=true").body()).isEqualTo("[\"alerts-value\"]");
        assertThat(http.get("/subjects/alerts-value/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/alerts-value/versions?deleted=true").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/alerts-value/versions/1").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/alerts-value/versions/1?deleted=true").status()).isEqualTo(200);
    }

    @Test
    void shouldKeepTheIdsOfSoftDeletedSchemasResolvable() {
        int id = http.registerId("alerts-value", ALERT_V1);

        http.delete("/subjects/alerts-value");

        assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(ALERT_V1);
        assertThat(http.get("/schemas/ids/" + id + "/versions").body()).isEqualTo("[]");
        assertThat(http.get("/schemas/ids/" + id + "/versions?deleted=true").body())
                .isEqualTo("[{\"subject\":\"alerts-value\",\"version\":1}]");
    }

    @Test
    void shouldGiveTheSameIdAndANewVersionWhenADeletedSchemaIsRegisteredAgain() {
        int id = http.registerId("alerts-value", ALERT_V1);
        http.delete("/subjects/alerts-value");

        int again = http.registerId("alerts-value", ALERT_V1);

        assertThat(again).isEqualTo(id);
        assertThat(http.get("/subjects/alerts-value/versions").body()).isEqualTo("[2]");
    }

    @Test
    void shouldHideSoftDeletedVersionsFromLookupsUnlessDeletedAreAskedFor() {
        http.registerId("alerts-value", ALERT_V1);
        http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);
        http.delete("/subjects/alerts-value/versions/1");

        RegistryHttp.Reply hidden = http.post("/subjects/alerts-value", RegistryHttp.schemaBody(ALERT_V1));
        RegistryHttp.Reply shown = http.post("/subjects/alerts-value?deleted=true", RegistryHttp.schemaBody(ALERT_V1));

        assertThat(hidden.errorCode()).isEqualTo(40403);
        assertThat(shown.json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void shouldAnswer40404WhenSoftDeletingASubjectTwice() {
        http.registerId("alerts-value", ALERT_V1);
        http.delete("/subjects/alerts-value");

        RegistryHttp.Reply reply = http.delete("/subjects/alerts-value");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40404);
    }

    @Test
    void shouldAnswer40405WhenPermanentlyDeletingASubjectNotSoftDeletedFirst() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.delete("/subjects/alerts-value?permanent=true");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"error_code\":40405,\"message\":"
                + "\"Subject 'alerts-value' was not deleted first before being permanently deleted\"}");
        assertThat(http.get("/subjects/alerts-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldPermanentlyDeleteASoftDeletedSubjectAndItsIds() {
        int id = http.registerId("alerts-value", ALERT_V1);
        http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);
        http.delete("/subjects/alerts-value");

        RegistryHttp.Reply reply = http.delete("/subjects/alerts-value?permanent=true");

        assertThat(reply.body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects?deleted=true").body()).isEqualTo("[]");
        assertThat(http.get("/schemas/ids/" + id).errorCode()).isEqualTo(40403);
        assertThat(http.delete("/subjects/alerts-value?permanent=true").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldKeepAnIdStillUsedByAnotherSubjectAfterAPermanentDelete() {
        int id = http.registerId("alerts-value", ALERT_V1);
        http.registerId("archive-value", ALERT_V1);
        http.delete("/subjects/alerts-value");
        http.delete("/subjects/alerts-value?permanent=true");

        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(http.registerId("alerts-value", ALERT_V1)).isEqualTo(id);
    }

    @Test
    void shouldNeverGiveAPermanentlyDeletedIdToAnotherSchema() {
        http.registerId("a-value", recordNamed("A"));
        int b = http.registerId("b-value", recordNamed("B"));
        http.delete("/subjects/b-value");
        http.delete("/subjects/b-value?permanent=true");
        restart();

        int c = http.registerId("c-value", recordNamed("C"));

        assertThat(c).isGreaterThan(b);
    }

    @Test
    void shouldAnswer40401WhenDeletingAnUnknownSubject() {
        RegistryHttp.Reply reply = http.delete("/subjects/nope");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldSoftDeleteAVersionAndReturnItsNumber() {
        http.registerId("alerts-value", ALERT_V1);
        int v2 = http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

        RegistryHttp.Reply reply = http.delete("/subjects/alerts-value/versions/2");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("2");
        assertThat(http.get("/subjects/alerts-value/versions").body()).isEqualTo("[1]");
        assertThat(http.get("/subjects/alerts-value/versions/latest").json().get("version").asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/alerts-value/versions/2").errorCode()).isEqualTo(40402);
        assertThat(http.get("/subjects/alerts-value/versions/2?deleted=true").json().get("id").asInt()).isEqualTo(v2);
        assertThat(http.get("/schemas/ids/" + v2).status()).isEqualTo(200);
    }

    @Test
    void shouldSoftDeleteTheLatestVersion() {
        http.registerId("alerts-value", ALERT_V1);
        http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

        assertThat(http.delete("/subjects/alerts-value/versions/latest").body()).isEqualTo("2");
        assertThat(http.delete("/subjects/alerts-value/versions/latest").body()).isEqualTo("1");
        assertThat(http.delete("/subjects/alerts-value/versions/latest").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldAnswer40406WhenSoftDeletingAVersionTwice() {
        http.registerId("alerts-value", ALERT_V1);
        http.delete("/subjects/alerts-value/versions/1");

        RegistryHttp.Reply reply = http.delete("/subjects/alerts-value/versions/1");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40406);
    }

    @Test
    void shouldAnswer40407WhenPermanentlyDeletingAVersionNotSoftDeletedFirst() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.delete("/subjects/alerts-value/versions/1?permanent=true");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40407);
        assertThat(reply.message()).isEqualTo(
                "Subject 'alerts-value' Version 1 was not deleted first before being permanently deleted");
    }

    @Test
    void shouldPermanentlyDeleteASoftDeletedVersion() {
        http.registerId("alerts-value", ALERT_V1);
        int v2 = http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);
        http.delete("/subjects/alerts-value/versions/2");

        RegistryHttp.Reply reply = http.delete("/subjects/alerts-value/versions/2?permanent=true");

        assertThat(reply.body()).isEqualTo("2");
        assertThat(http.get("/subjects/alerts-value/versions?deleted=true").body()).isEqualTo("[1]");
        assertThat(http.get("/schemas/ids/" + v2).errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldAnswer40402And42202WhenDeletingUnknownOrInvalidVersions() {
        http.registerId("alerts-value", ALERT_V1);

        assertThat(http.delete("/subjects/alerts-value/versions/9").errorCode()).isEqualTo(40402);
        assertThat(http.delete("/subjects/alerts-value/versions/zero").errorCode()).isEqualTo(42202);
        assertThat(http.delete("/subjects/nope/versions/1").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldDropTheSubjectLevelWithTheSubject() {
        http.registerId("alerts-value", ALERT_V1);
        http.put("/config/alerts-value", "{\"compatibility\":\"NONE\"}");

        http.delete("/subjects/alerts-value");

        assertThat(http.get("/config/alerts-value").errorCode()).isEqualTo(40408);
    }
}
