package io.vigie.intake.web;

import io.vigie.events.AlertRaised;
import io.vigie.events.IndicatorType;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.intake.IntakeITSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenericApiIT extends IntakeITSupport {

    static String alert(String reference, String asset) {
        return """
                {"reference": "%s", "title": "Ransomware note found on file share", "severity": "critical",
                 "description": "README_DECRYPT.txt written to 1,204 folders of \\\\\\\\fs01\\\\finance",
                 "detectedAt": "2026-11-23T01:45:00Z", "asset": "%s", "service": "file-sharing",
                 "client": "acme", "accounts": ["svc-sync"], "ipAddresses": ["10.0.8.21", "2001:db8::7"],
                 "indicators": [{"type": "FILE_HASH", "value": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}],
                 "tags": ["ransomware"], "links": [{"label": "EDR case", "url": "https://edr.example.net/cases/8812"}],
                 "attributes": {"edr.case": "8812"}}""".formatted(reference, asset);
    }

    @Test
    void shouldPublishASignedAlertWithItsFields() {
        String id = newId();

        HttpResponse<String> response = postSigned(alert("INC-" + id, "fs01-" + id), NEW_SECRET, Instant.now());

        assertThat(response.statusCode()).isEqualTo(202);
        List<Published> published = publishedFrom("soar", "INC-" + id);
        assertThat(published).hasSize(1);
        AlertRaised event = published.get(0).event();
        assertThat(published.get(0).key()).isEqualTo("fs01-" + id);
        assertThat(event.getSource()).isEqualTo(SourceKind.GENERIC);
        assertThat(event.getSeverityHint()).isEqualTo(Severity.CRITICAL);
        assertThat(event.getDetectedAt()).isEqualTo(Instant.parse("2026-11-23T01:45:00Z"));
        assertThat(event.getIpAddresses()).containsExactly("10.0.8.21", "2001:db8::7");
        assertThat(event.getIndicators()).singleElement()
                .satisfies(indicator -> assertThat(indicator.getType()).isEqualTo(IndicatorType.FILE_HASH));
        assertThat(event.getClientHint()).isEqualTo("acme");
        assertThat(event.getBoundClients()).containsExactly("acme", "globex");
        assertThat(event.getAttributes()).containsEntry("edr.case", "8812");
    }

    @Test
    void shouldAcceptBothSecretsDuringARotation() {
        String id = newId();

        HttpResponse<String> old = postSigned(alert("OLD-" + id, "a-" + id), OLD_SECRET, Instant.now());
        HttpResponse<String> current = postSigned(alert("NEW-" + id, "b-" + id), NEW_SECRET, Instant.now());
        HttpResponse<String> retired = postSigned(alert("GONE-" + id, "c-" + id), "retired-secret", Instant.now());

        assertThat(old.statusCode()).isEqualTo(202);
        assertThat(current.statusCode()).isEqualTo(202);
        assertThat(retired.statusCode()).isEqualTo(401);
        assertThat(publishedFrom("soar", id)).extracting(p -> p.event().getSourceReference())
                .containsExactlyInAnyOrder("OLD-" + id, "NEW-" + id);
    }

    @Test
    void shouldRefuseABodyTamperedWithAfterSigning() {
        String id = newId();
        String body = alert("TAMPER-" + id, "t-" + id);
        long timestamp = Instant.now().getEpochSecond();
        String signature = io.vigie.intake.source.SourceAuthenticator.signature(NEW_SECRET, timestamp,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        HttpResponse<String> response = post("/api/v1/alerts", body.replace("critical", "low"),
                "X-Vigie-Source", "soar", "X-Vigie-Timestamp", String.valueOf(timestamp),
                "X-Vigie-Signature", signature);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(publishedFrom("soar", "TAMPER-" + id)).isEmpty();
    }

    @Test
    void shouldRefuseAReplayOfARequestSignedMoreThanFiveMinutesAgo() {
        String id = newId();

        HttpResponse<String> replay = postSigned(alert("REPLAY-" + id, "r-" + id), NEW_SECRET,
                Instant.now().minus(Duration.ofMinutes(6)));
        HttpResponse<String> fromTheFuture = postSigned(alert("FUTURE-" + id, "f-" + id), NEW_SECRET,
                Instant.now().plus(Duration.ofMinutes(6)));

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(json(replay).get("detail").stringValue()).contains("replay");
        assertThat(fromTheFuture.statusCode()).isEqualTo(401);
        assertThat(publishedFrom("soar", id)).isEmpty();
    }

    @Test
    void shouldAcceptTheSourcesBearerTokenInsteadOfASignature() {
        String id = newId();

        HttpResponse<String> response = post("/api/v1/alerts", alert("BEARER-" + id, "x-" + id),
                "X-Vigie-Source", "soar", "Authorization", bearer(GENERIC_TOKEN));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(publishedFrom("soar", "BEARER-" + id)).hasSize(1);
    }

    @Test
    void shouldPublishEveryAlertOfABatchAndTellWhichWereRepeats() {
        String id = newId();
        String batch = "{\"alerts\": [" + alert("B1-" + id, "h1-" + id) + "," + alert("B2-" + id, "h2-" + id) + ","
                + alert("B1-" + id, "h1-" + id) + "]}";

        HttpResponse<String> response = postSigned(batch, NEW_SECRET, Instant.now());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json(response);
        assertThat(body.get("published").intValue()).isEqualTo(2);
        assertThat(body.get("duplicates").intValue()).isEqualTo(1);
        assertThat(body.get("alerts").get(2).get("duplicate").booleanValue()).isTrue();
        assertThat(publishedFrom("soar", id)).hasSize(2);
    }

    @Test
    void shouldTreatTheSameFingerprintWithinTheWindowAsARepeat() {
        String id = newId();
        String first = alert("FP1-" + id, "host-" + id).replace("\"tags\"", "\"fingerprint\": \"disk-" + id + "\", \"tags\"");
        String second = alert("FP2-" + id, "host-" + id).replace("\"tags\"", "\"fingerprint\": \"disk-" + id + "\", \"tags\"");

        HttpResponse<String> published = postSigned(first, NEW_SECRET, Instant.now());
        HttpResponse<String> repeat = postSigned(second, NEW_SECRET, Instant.now());

        assertThat(published.statusCode()).isEqualTo(202);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(json(repeat).get("alertId").stringValue()).isEqualTo(json(published).get("alertId").stringValue());
        assertThat(publishedFrom("soar", id)).hasSize(1);
    }

    @Test
    void shouldListEveryOffendingFieldOfAnInvalidAlert() {
        String id = newId();
        String invalid = """
                {"reference": "BAD-%s", "severity": "apocalyptic", "detectedAt": "yesterday",
                 "ipAddresses": ["10.0.0.300"], "links": [{"label": "x", "url": "javascript:alert(1)"}]}"""
                .formatted(id);

        HttpResponse<String> response = postSigned(invalid, NEW_SECRET, Instant.now());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("errors").valueStream().map(error -> error.get("field").stringValue()))
                .containsExactlyInAnyOrder("/title", "/severity", "/detectedAt", "/ipAddresses/0", "/links/0/url");
        assertThat(publishedFrom("soar", id)).isEmpty();
        assertThat(rows("raw_payload", "body IS NOT NULL AND source_name = ? AND received_at > ?", "soar",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)))).isZero();
    }

    @Test
    void shouldServeItsOpenApiDescriptionToSendersWithoutAVigieAccount() {
        HttpResponse<String> response = get("/api/v1/alerts/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("openapi: 3.1.0").contains("X-Vigie-Signature");
    }
}
