package io.vigie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpProtocolTest extends RegistryServerTestSupport {

    @Test
    void shouldListenOnLoopbackAndAFreePort() {
        assertThat(server.port()).isPositive();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void shouldAnswerTheRootWithAnEmptyObject() {
        assertThat(http.get("/").body()).isEqualTo("{}");
    }

    @Test
    void shouldAnswer404WithJsonForAnUnknownPath() {
        RegistryHttp.Reply reply = http.get("/nothing/here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
    }

    @Test
    void shouldAnswer405WithJsonForAWrongMethod() {
        RegistryHttp.Reply reply = http.send("PATCH", "/subjects", "{}", RegistryHttp.V1_JSON);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.body()).isEqualTo("{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}");
    }

    @Test
    void shouldAnswer404ForANonNumericSchemaId() {
        RegistryHttp.Reply reply = http.get("/schemas/ids/abc");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerInTheSchemaRegistryMediaType() {
        List<RegistryHttp.Reply> replies = List.of(http.register("alerts-value", STRING_SCHEMA), http.get("/subjects"),
                http.get("/schemas/ids/99"), http.get("/nowhere"), http.post("/subjects/x/versions", "{"));

        assertThat(replies).extracting(RegistryHttp.Reply::contentType)
                .containsOnly("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void shouldNeverPutAStackTraceInAnErrorBody() {
        List<RegistryHttp.Reply> replies = List.of(
                http.post("/subjects/x/versions", "{\"schema\": [1, 2"),
                http.post("/subjects/x/versions", "[]"),
                http.post("/subjects/x/versions", "{\"schema\": \"{\\\"type\\\": \\\"record\\\"}\"}"),
                http.post("/subjects/x/versions", "{\"schema\": \"x\"} trailing"),
                http.put("/config", "null"),
                http.get("/subjects/x/versions/1e3"));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isBetween(400, 499);
            assertThat(reply.json().get("error_code").isInt()).isTrue();
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\n");
        });
    }

    @Test
    void shouldDecodePercentEncodedSubjectNames() {
        http.registerId("alerts%2Bcases%20value", STRING_SCHEMA);

        assertThat(http.get("/subjects").body()).isEqualTo("[\"alerts+cases value\"]");
        assertThat(http.get("/subjects/alerts+cases%20value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldIgnoreATrailingSlash() {
        http.registerId("alerts-value", STRING_SCHEMA);

        assertThat(http.get("/subjects/").body()).isEqualTo("[\"alerts-value\"]");
    }

    @Test
    void shouldStopAnsweringOnceClosed() {
        server.close();

        assertThatThrownBy(() -> http.get("/subjects")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldTolerateBeingClosedTwice() {
        server.close();
        server.close();
    }
}
