package io.vigie.intake.web;

import io.vigie.intake.IntakeITSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each bad input gets its own status as problem+json, and nothing of it is published or kept. */
class BadInputIT extends IntakeITSupport {

    @Test
    void shouldAnswer404ForAnUnknownSourceOrASourceOfAnotherTool() {
        String id = newId();

        HttpResponse<String> unknown = post("/webhooks/wazuh/nobody", payload("wazuh-alert.json", id),
                "Authorization", bearer(WAZUH_TOKEN));
        HttpResponse<String> wrongTool = post("/webhooks/wazuh/splunk-paris", payload("wazuh-alert.json", id),
                "Authorization", bearer(SPLUNK_TOKEN));

        assertProblem(unknown, 404);
        assertProblem(wrongTool, 404);
        assertThat(published(event -> event.getSourceReference().contains(id))).isEmpty();
    }

    @Test
    void shouldAnswer413OverTheSourcesSizeLimit() {
        String id = newId();
        String big = GenericApiIT.alert("BIG-" + id, "big-" + id)
                .replace("\"tags\"", "\"attributes\": {\"padding\": \"" + "x".repeat(70_000) + "\"}, \"tags\"");

        HttpResponse<String> response = postSigned(big, NEW_SECRET, Instant.now());

        assertProblem(response, 413);
        assertThat(publishedFrom("soar", id)).isEmpty();
    }

    @Test
    void shouldAnswer415ForAnythingButJson() {
        String id = newId();

        HttpResponse<String> form = post("/webhooks/wazuh/wazuh-lyon", payload("wazuh-alert.json", id),
                "Authorization", bearer(WAZUH_TOKEN), "Content-Type", "application/x-www-form-urlencoded");
        HttpResponse<String> latin1 = post("/webhooks/wazuh/wazuh-lyon", payload("wazuh-alert.json", id),
                "Authorization", bearer(WAZUH_TOKEN), "Content-Type", "application/json; charset=ISO-8859-1");

        assertProblem(form, 415);
        assertProblem(latin1, 415);
        assertThat(publishedFrom("wazuh-lyon", id)).isEmpty();
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenASourceExceedsItsRate() {
        String id = newId();
        int[] statuses = new int[4];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = post("/api/v1/alerts", GenericApiIT.alert("RATE-" + id + "-" + i, "r" + i + "-" + id),
                    "X-Vigie-Source", "chatty", "Authorization", bearer(GENERIC_TOKEN)).statusCode();
        }
        HttpResponse<String> limited = post("/api/v1/alerts", GenericApiIT.alert("RATE-" + id + "-x", "rx-" + id),
                "X-Vigie-Source", "chatty", "Authorization", bearer(GENERIC_TOKEN));

        assertThat(statuses).containsExactly(202, 202, 429, 429);
        assertProblem(limited, 429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(publishedFrom("chatty", id)).hasSize(2);
    }

    @Test
    void shouldAnswer400ForInvalidUtf8() {
        String id = newId();
        byte[] alert = GenericApiIT.alert("UTF-" + id, "u-" + id).getBytes(StandardCharsets.UTF_8);
        byte[] invalid = new byte[alert.length + 2];
        int title = new String(alert, StandardCharsets.UTF_8).indexOf("Ransomware");
        System.arraycopy(alert, 0, invalid, 0, title);
        invalid[title] = (byte) 0xC3;
        invalid[title + 1] = (byte) 0x28;
        System.arraycopy(alert, title, invalid, title + 2, alert.length - title);

        HttpResponse<String> response = post("/api/v1/alerts", invalid, "X-Vigie-Source", "soar",
                "Authorization", bearer(GENERIC_TOKEN));

        assertProblem(response, 400);
        assertThat(json(response).get("detail").stringValue()).contains("UTF-8");
        assertThat(publishedFrom("soar", id)).isEmpty();
    }

    @Test
    void shouldAnswer400ForDeepNesting() {
        String id = newId();
        String deep = "[".repeat(5_000) + "]".repeat(5_000);

        HttpResponse<String> response = post("/api/v1/alerts", deep, "X-Vigie-Source", "soar",
                "Authorization", bearer(GENERIC_TOKEN));

        assertProblem(response, 400);
        assertThat(json(response).get("detail").stringValue()).contains("nesting depth");
        assertThat(publishedFrom("soar", id)).isEmpty();
    }

    @Test
    void shouldAnswer400ForAHugeStringOrANumberOutOfRange() {
        String id = newId();
        String hugeTitle = GenericApiIT.alert("HUGE-" + id, "h-" + id)
                .replace("Ransomware note found on file share", "y".repeat(60_000));
        String hugeNumber = payload("wazuh-alert.json", id).replace("\"level\": 10", "\"level\": " + "9".repeat(2_000));

        HttpResponse<String> string = post("/api/v1/alerts", hugeTitle, "X-Vigie-Source", "soar",
                "Authorization", bearer(GENERIC_TOKEN));
        HttpResponse<String> number = post("/webhooks/wazuh/wazuh-lyon", hugeNumber,
                "Authorization", bearer(WAZUH_TOKEN));

        assertProblem(string, 400);
        assertThat(json(string).get("errors").get(0).get("field").stringValue()).isEqualTo("/title");
        assertProblem(number, 400);
        assertThat(json(number).get("detail").stringValue()).contains("Number value length");
        assertThat(published(event -> event.getSourceReference().contains(id))).isEmpty();
    }

    @Test
    void shouldAnswer400NamingTheFieldAndTheAllowedValuesForAnUnknownSeverityOrIndicatorType() {
        String id = newId();
        String generic = GenericApiIT.alert("ENUM-" + id, "e-" + id)
                .replace("\"severity\": \"critical\"", "\"severity\": \"urgent\"")
                .replace("\"type\": \"FILE_HASH\"", "\"type\": \"SHA1\"");

        HttpResponse<String> response = post("/api/v1/alerts", generic, "X-Vigie-Source", "soar",
                "Authorization", bearer(GENERIC_TOKEN));

        assertProblem(response, 400);
        var errors = json(response).get("errors");
        assertThat(errors.get(0).get("field").stringValue()).isEqualTo("/severity");
        assertThat(errors.get(0).get("allowed").toString()).isEqualTo("[\"critical\",\"high\",\"medium\",\"low\"]");
        assertThat(errors.get(1).get("field").stringValue()).isEqualTo("/indicators/0/type");
        assertThat(errors.get(1).get("allowed").toString()).isEqualTo("[\"IP\",\"DOMAIN\",\"URL\",\"FILE_HASH\","
                + "\"CVE\",\"EMAIL\",\"USER_AGENT\",\"OTHER\"]");
        assertThat(published(event -> event.getSourceReference().contains(id))).isEmpty();
    }

    @Test
    void shouldAnswer400NamingTheFieldForATimeBeyondEveryNumberType() {
        String id = newId();
        // 1e400 is valid JSON; the parser reads it as an infinite double, which has no date and no decimal value.
        String splunk = payload("splunk-alert.json", id).replace("\"_time\": \"1763862900.000\"", "\"_time\": 1e400");
        String generic = GenericApiIT.alert("INF-" + id, "inf-" + id)
                .replaceFirst("\"detectedAt\"\\s*:\\s*\"[^\"]*\"", "\"detectedAt\": -1e400");

        HttpResponse<String> splunkAnswer = post("/webhooks/splunk/splunk-paris/" + SPLUNK_TOKEN, splunk);
        HttpResponse<String> genericAnswer = post("/api/v1/alerts", generic, "X-Vigie-Source", "soar",
                "Authorization", bearer(GENERIC_TOKEN));

        assertProblem(splunkAnswer, 400);
        assertThat(json(splunkAnswer).get("errors").get(0).get("field").stringValue()).isEqualTo("/result/_time");
        assertProblem(genericAnswer, 400);
        assertThat(json(genericAnswer).get("errors").get(0).get("field").stringValue()).isEqualTo("/detectedAt");
        assertThat(published(event -> event.getSourceReference().contains(id))).isEmpty();
    }

    @Test
    void shouldAnswer401NamingTheHeaderForASignatureTimeBeyondALong() {
        String id = newId();

        HttpResponse<String> response = post("/api/v1/alerts", GenericApiIT.alert("TS-" + id, "ts-" + id),
                "X-Vigie-Source", "soar", "X-Vigie-Timestamp", "9".repeat(30), "X-Vigie-Signature", "sha256=00");

        assertProblem(response, 401);
        assertThat(json(response).get("detail").stringValue()).contains("X-Vigie-Timestamp");
        assertThat(publishedFrom("soar", id)).isEmpty();
    }

    @Test
    void shouldNeverEchoASplunkTokenInAnAnswer() {
        String url = "/webhooks/splunk/splunk-paris/" + SPLUNK_TOKEN;

        HttpResponse<String> wrongMethod = get(url);
        HttpResponse<String> wrongType = post(url, "{}", "Content-Type", "text/plain");
        HttpResponse<String> badTime = post(url, payload("splunk-alert.json", newId())
                .replace("\"_time\": \"1763862900.000\"", "\"_time\": 1e400"));

        assertProblem(wrongMethod, 405);
        assertProblem(wrongType, 415);
        assertProblem(badTime, 400);
        for (HttpResponse<String> answer : List.of(wrongMethod, wrongType, badTime)) {
            assertThat(answer.body()).doesNotContain(SPLUNK_TOKEN);
            assertThat(json(answer).get("instance").stringValue()).isEqualTo("/webhooks/splunk/splunk-paris/***");
        }
    }

    @Test
    void shouldAnswer400ForSomethingThatIsNotJson() {
        String id = newId();

        HttpResponse<String> response = post("/webhooks/splunk/splunk-paris/" + SPLUNK_TOKEN,
                "sid=" + id + "&search_name=oops");
        HttpResponse<String> trailing = post("/webhooks/splunk/splunk-paris/" + SPLUNK_TOKEN,
                payload("splunk-alert.json", id) + " {}");

        assertProblem(response, 400);
        assertProblem(trailing, 400);
        assertThat(publishedFrom("splunk-paris", id)).isEmpty();
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("status").intValue()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
