package io.vigie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CompatibilityTest extends RegistryServerTestSupport {

    private static final String EVENT_A = "{\"type\":\"record\",\"name\":\"E\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private static final String EVENT_EMPTY = "{\"type\":\"record\",\"name\":\"E\",\"fields\":[]}";
    private static final String EVENT_A_AS_INT_WITH_DEFAULT =
            "{\"type\":\"record\",\"name\":\"E\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":0}]}";

    @Test
    void shouldReportABackwardCompatibleChangeAsCompatible() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.post("/compatibility/subjects/alerts-value/versions/latest",
                RegistryHttp.schemaBody(ALERT_WITH_SEVERITY_DEFAULT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void shouldReportAnIncompatibleChangeWithoutMessagesUnlessVerbose() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.post("/compatibility/subjects/alerts-value/versions/latest",
                RegistryHttp.schemaBody(ALERT_WITH_SEVERITY_NO_DEFAULT));

        assertThat(reply.body()).isEqualTo("{\"is_compatible\":false}");
    }

    @Test
    void shouldExplainAnIncompatibleChangeWhenVerbose() {
        http.registerId("alerts-value", ALERT_V1);

        JsonNode reply = http.post("/compatibility/subjects/alerts-value/versions/1?verbose=true",
                RegistryHttp.schemaBody(ALERT_WITH_SEVERITY_NO_DEFAULT)).json();

        assertThat(reply.get("is_compatible").asBoolean()).isFalse();
        assertThat(reply.get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("'severity'");
        assertThat(reply.get("messages").toString()).contains("{oldSchemaVersion: 1}");
    }

    @Test
    void shouldReturnAnEmptyMessageListForACompatibleChangeWhenVerbose() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.post("/compatibility/subjects/alerts-value/versions/latest?verbose=true",
                RegistryHttp.schemaBody(ALERT_WITH_SEVERITY_DEFAULT));

        assertThat(reply.body()).isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
    }

    @Test
    void shouldCheckAgainstTheRequestedVersionOnly() {
        http.put("/config/e-value", "{\"compatibility\":\"NONE\"}");
        http.registerId("e-value", EVENT_A);
        http.registerId("e-value", EVENT_EMPTY);
        http.put("/config/e-value", "{\"compatibility\":\"BACKWARD\"}");

        boolean againstV1 = http.post("/compatibility/subjects/e-value/versions/1",
                RegistryHttp.schemaBody(EVENT_A_AS_INT_WITH_DEFAULT)).json().get("is_compatible").asBoolean();
        boolean againstV2 = http.post("/compatibility/subjects/e-value/versions/2",
                RegistryHttp.schemaBody(EVENT_A_AS_INT_WITH_DEFAULT)).json().get("is_compatible").asBoolean();

        assertThat(againstV1).isFalse();
        assertThat(againstV2).isTrue();
    }

    @Test
    void shouldAnswer40401WhenCheckingAgainstAnUnknownSubject() {
        RegistryHttp.Reply reply = http.post("/compatibility/subjects/nope/versions/latest", RegistryHttp.schemaBody(ALERT_V1));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldAnswer40402WhenCheckingAgainstAnUnknownVersion() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.post("/compatibility/subjects/alerts-value/versions/5", RegistryHttp.schemaBody(ALERT_V1));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40402);
    }

    @Test
    void shouldAnswer42202WhenCheckingAgainstAnInvalidVersion() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.post("/compatibility/subjects/alerts-value/versions/first", RegistryHttp.schemaBody(ALERT_V1));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42202);
    }

    @Test
    void shouldAnswer42201WhenCheckingAnUnparsableSchema() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.post("/compatibility/subjects/alerts-value/versions/latest", RegistryHttp.schemaBody("{"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42201);
    }

    @Test
    void shouldCheckAgainstEveryVersionWhenNoVersionIsGiven() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply compatible = http.post("/compatibility/subjects/alerts-value/versions",
                RegistryHttp.schemaBody(ALERT_WITH_SEVERITY_DEFAULT));
        RegistryHttp.Reply unknownSubject = http.post("/compatibility/subjects/new-value/versions",
                RegistryHttp.schemaBody(ALERT_V1));

        assertThat(compatible.body()).isEqualTo("{\"is_compatible\":true}");
        assertThat(unknownSubject.body()).isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void shouldAcceptAnyChangeUnderNone() {
        http.put("/config/alerts-value", "{\"compatibility\":\"NONE\"}");
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.register("alerts-value", ALERT_WITH_SOURCE_AS_INT);

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void shouldLetTheLatestVersionReadNewDataUnderForward() {
        http.put("/config/alerts-value", "{\"compatibility\":\"FORWARD\"}");
        http.registerId("alerts-value", ALERT_WITH_SEVERITY_NO_DEFAULT);

        RegistryHttp.Reply addedWithoutDefault = http.register("alerts-value", "{\"type\":\"record\",\"name\":\"AlertRaised\","
                + "\"namespace\":\"io.vigie.events\",\"fields\":[{\"name\":\"alertId\",\"type\":\"string\"},"
                + "{\"name\":\"source\",\"type\":\"string\"},{\"name\":\"severity\",\"type\":\"string\"},"
                + "{\"name\":\"asset\",\"type\":\"string\"}]}");
        RegistryHttp.Reply removedWithoutDefault = http.register("alerts-value", ALERT_V1);

        assertThat(addedWithoutDefault.status()).isEqualTo(200);
        assertThat(removedWithoutDefault.status()).isEqualTo(409);
        assertThat(removedWithoutDefault.message()).contains("'severity'").contains("old schema has no default value");
    }

    @Test
    void shouldRequireBothDirectionsUnderFull() {
        http.put("/config/alerts-value", "{\"compatibility\":\"FULL\"}");
        http.registerId("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

        RegistryHttp.Reply removedWithDefault = http.register("alerts-value", ALERT_V1);
        RegistryHttp.Reply addedWithoutDefault = http.register("alerts-value", ALERT_WITH_SEVERITY_NO_DEFAULT);

        assertThat(removedWithDefault.status()).isEqualTo(200);
        assertThat(addedWithoutDefault.status()).isEqualTo(409);
    }

    @Test
    void shouldCheckOnlyTheLatestVersionUnderBackward() {
        registerTwoVersionsThenSet("BACKWARD");

        assertThat(http.register("e-value", EVENT_A_AS_INT_WITH_DEFAULT).status()).isEqualTo(200);
    }

    @Test
    void shouldCheckEveryVersionUnderBackwardTransitive() {
        registerTwoVersionsThenSet("BACKWARD_TRANSITIVE");

        RegistryHttp.Reply reply = http.register("e-value", EVENT_A_AS_INT_WITH_DEFAULT);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.message()).contains("{oldSchemaVersion: 1}").doesNotContain("{oldSchemaVersion: 2}");
    }

    @Test
    void shouldPreferTheSubjectLevelOverTheGlobalLevel() {
        http.put("/config", "{\"compatibility\":\"NONE\"}");
        http.put("/config/alerts-value", "{\"compatibility\":\"BACKWARD\"}");
        http.registerId("alerts-value", ALERT_V1);
        http.registerId("other-value", ALERT_V1);

        assertThat(http.register("alerts-value", ALERT_WITH_SOURCE_AS_INT).status()).isEqualTo(409);
        assertThat(http.register("other-value", ALERT_WITH_SOURCE_AS_INT).status()).isEqualTo(200);
    }

    @Test
    void shouldIgnoreSoftDeletedVersionsWhenCheckingCompatibility() {
        http.registerId("alerts-value", ALERT_V1);
        http.delete("/subjects/alerts-value/versions/1");

        assertThat(http.register("alerts-value", ALERT_WITH_SOURCE_AS_INT).status()).isEqualTo(200);
    }

    private void registerTwoVersionsThenSet(String level) {
        http.put("/config/e-value", "{\"compatibility\":\"NONE\"}");
        http.registerId("e-value", EVENT_A);
        http.registerId("e-value", EVENT_EMPTY);
        http.put("/config/e-value", "{\"compatibility\":\"" + level + "\"}");
    }
}
