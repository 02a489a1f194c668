package io.vigie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest extends RegistryServerTestSupport {

    @Test
    void shouldDefaultTheGlobalLevelToBackward() {
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL",
            "FULL_TRANSITIVE"})
    void shouldAcceptEveryConfluentLevelGlobally(String level) {
        RegistryHttp.Reply reply = http.put("/config", "{\"compatibility\":\"" + level + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"compatibility\":\"" + level + "\"}");
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"" + level + "\"}");
    }

    @Test
    void shouldAcceptLowerCaseLevelNames() {
        assertThat(http.put("/config", "{\"compatibility\":\"full_transitive\"}").body())
                .isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"compatibility\":\"SIDEWAYS\"}", "{\"compatibility\":3}", "{}"})
    void shouldAnswer42203ForAnInvalidLevel(String body) {
        RegistryHttp.Reply global = http.put("/config", body);
        RegistryHttp.Reply subject = http.put("/config/alerts-value", body);

        assertThat(global.status()).isEqualTo(422);
        assertThat(global.errorCode()).isEqualTo(42203);
        assertThat(global.message()).startsWith("Invalid compatibility level");
        assertThat(subject.errorCode()).isEqualTo(42203);
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldSetAndReadASubjectLevel() {
        RegistryHttp.Reply put = http.put("/config/alerts-value", "{\"compatibility\":\"FORWARD\"}");

        assertThat(put.body()).isEqualTo("{\"compatibility\":\"FORWARD\"}");
        assertThat(http.get("/config/alerts-value").body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldAnswer40408ForASubjectWithoutItsOwnLevel() {
        http.registerId("alerts-value", ALERT_V1);

        RegistryHttp.Reply reply = http.get("/config/alerts-value");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40408);
        assertThat(reply.message()).contains("'alerts-value'");
    }

    @Test
    void shouldFallBackToTheGlobalLevelWhenAskedTo() {
        http.put("/config", "{\"compatibility\":\"FULL\"}");

        RegistryHttp.Reply reply = http.get("/config/alerts-value?defaultToGlobal=true");

        assertThat(reply.body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    }

    @Test
    void shouldDeleteASubjectLevelAndReturnTheRemovedLevel() {
        http.put("/config/alerts-value", "{\"compatibility\":\"NONE\"}");

        RegistryHttp.Reply reply = http.delete("/config/alerts-value");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(http.get("/config/alerts-value").errorCode()).isEqualTo(40408);
    }

    @Test
    void shouldAnswer40408WhenDeletingALevelTheSubjectDoesNotHave() {
        RegistryHttp.Reply reply = http.delete("/config/alerts-value");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40408);
    }

    @Test
    void shouldResetTheGlobalLevelToBackwardWhenDeleted() {
        http.put("/config", "{\"compatibility\":\"NONE\"}");

        RegistryHttp.Reply reply = http.delete("/config");

        assertThat(reply.body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }
}
