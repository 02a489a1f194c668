package io.vigie.intake.web;

import io.vigie.events.AlertRaised;
import io.vigie.events.IndicatorType;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.intake.IntakeITSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SplunkWebhookIT extends IntakeITSupport {

    @Test
    void shouldPublishOneAlertRaisedWithTheFieldsOfASplunkWebhook() {
        String id = newId();

        HttpResponse<String> response = post("/webhooks/splunk/splunk-paris/" + SPLUNK_TOKEN,
                payload("splunk-alert.json", id));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json(response);
        assertThat(body.get("duplicate").booleanValue()).isFalse();
        List<Published> published = publishedFrom("splunk-paris", id);
        assertThat(published).hasSize(1);
        AlertRaised event = published.get(0).event();
        assertThat(event.getAlertId()).hasToString(body.get("alertId").stringValue());
        assertThat(published.get(0).key()).isEqualTo("vpn-" + id + ".corp.example");
        assertThat(event.getSource()).isEqualTo(SourceKind.SPLUNK);
        assertThat(event.getSourceReference()).endsWith("_at_1763862900_" + id);
        assertThat(event.getTitle()).isEqualTo("Access - Brute Force Access Behavior Detected - Rule");
        assertThat(event.getAsset()).isEqualTo("vpn-" + id + ".corp.example");
        assertThat(event.getSourceSeverity()).isEqualTo("high");
        assertThat(event.getSeverityHint()).isEqualTo(Severity.HIGH);
        assertThat(event.getDetectedAt()).isEqualTo(Instant.ofEpochSecond(1763862900));
        assertThat(event.getAccounts()).containsExactly("j.martin", "svc-backup");
        assertThat(event.getIpAddresses()).containsExactly("198.51.100.23");
        assertThat(event.getIndicators()).singleElement()
                .satisfies(indicator -> assertThat(indicator.getType()).isEqualTo(IndicatorType.IP));
        assertThat(event.getTags()).containsExactly("authentication", "vpn");
        assertThat(event.getLinks()).singleElement()
                .satisfies(link -> assertThat(link.getUrl()).startsWith("https://splunk.corp.example:8000/"));
        assertThat(event.getAttributes()).containsEntry("result.count", "57")
                .containsEntry("splunk.owner", "admin");
        assertThat(event.getProducer()).isEqualTo("alert-intake-service");
        assertThat(event.getResolvedBySource()).isFalse();
    }

    @Test
    void shouldTitleAnAlertOfAnUnnamedSearchByItsEventAndKeepTheSidAsItsReference() {
        String id = newId();

        HttpResponse<String> response = post("/webhooks/splunk/splunk-paris/" + SPLUNK_TOKEN,
                payload("splunk-unnamed-search.json", id));

        assertThat(response.statusCode()).isEqualTo(202);
        AlertRaised event = publishedFrom("splunk-paris", "_at_14232356_" + id).get(0).event();
        assertThat(event.getTitle()).isEqualTo("2025-11-23T01:55:00.412+0000 I ACCESS [conn4711] SASL SCRAM-SHA-1 "
                + "authentication failed for admin on…");
        assertThat(event.getSourceReference()).isEqualTo("scheduler_admin_search_W2_at_14232356_" + id);
        assertThat(event.getDescription()).endsWith("UserNotFound: Could not find user admin@admin");
        assertThat(event.getAsset()).isEqualTo("db-" + id + ".corp.example");
    }

    @Test
    void shouldAcknowledgeARedeliveredSplunkAlertAsDuplicateAndNotPublishItAgain() {
        String id = newId();
        String alert = payload("splunk-alert.json", id);

        HttpResponse<String> first = post("/webhooks/splunk/splunk-paris/" + SPLUNK_TOKEN, alert);
        HttpResponse<String> second = post("/webhooks/splunk/splunk-paris/" + SPLUNK_TOKEN, alert);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("duplicate").booleanValue()).isTrue();
        assertThat(json(second).get("alertId").stringValue()).isEqualTo(json(first).get("alertId").stringValue());
        assertThat(publishedFrom("splunk-paris", id)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT repeat_count FROM intake_alert WHERE source_reference LIKE ?",
                Long.class, "%" + id)).isEqualTo(1);
    }

    @Test
    void shouldAcceptTheSecondTokenDuringRotation() {
        String id = newId();

        HttpResponse<String> response = post("/webhooks/splunk/splunk-paris/splunk-token-next",
                payload("splunk-alert.json", id));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(publishedFrom("splunk-paris", id)).hasSize(1);
    }

    @Test
    void shouldRefuseAWrongTokenWithoutEchoingOrLoggingIt(CapturedOutput output) {
        String id = newId();
        String wrongToken = "guessed-token-" + id;

        HttpResponse<String> response = post("/webhooks/splunk/splunk-paris/" + wrongToken,
                payload("splunk-alert.json", id));
        post("/webhooks/splunk/splunk-paris/" + SPLUNK_TOKEN, payload("splunk-alert.json", newId()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("instance").stringValue()).isEqualTo("/webhooks/splunk/splunk-paris/***");
        assertThat(response.body()).doesNotContain(wrongToken);
        assertThat(output.getAll()).doesNotContain(wrongToken).doesNotContain(SPLUNK_TOKEN);
        assertThat(publishedFrom("splunk-paris", id)).isEmpty();
    }
}
