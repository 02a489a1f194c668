package io.vigie.intake.publish;

import io.vigie.intake.IntakeITSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceIT extends IntakeITSupport {

    @Test
    void shouldArchiveTheRawPayloadWithItsSenderAndTimeButNoCredential() {
        String id = newId();
        String alert = payload("wazuh-alert.json", id);

        HttpResponse<String> response = post("/webhooks/wazuh/wazuh-lyon", alert,
                "Authorization", bearer(WAZUH_TOKEN), "User-Agent", "wazuh-integratord/4.9", "X-Request-Id", id);

        String alertId = json(response).get("alertId").stringValue();
        Map<String, Object> row = jdbc.queryForMap("SELECT p.body, p.headers, p.remote_address, p.received_at "
                + "FROM raw_payload p JOIN intake_alert a ON a.payload_id = p.payload_id WHERE a.alert_id = ?::uuid",
                alertId);
        assertThat(new String((byte[]) row.get("body"), StandardCharsets.UTF_8)).isEqualTo(alert);
        assertThat((String) row.get("headers")).contains("wazuh-integratord/4.9").contains(id)
                .doesNotContain(WAZUH_TOKEN).doesNotContainIgnoringCase("authorization");
        assertThat(row.get("remote_address")).isEqualTo("127.0.0.1");
        assertThat(row.get("received_at")).isNotNull();
    }

    @Test
    void shouldShowTheEvidenceOfAnAlertToAVigieUserOnly() {
        String id = newId();
        String alert = payload("kibana-alert.json", id);
        String alertId = json(post("/webhooks/elastic/kibana", alert, "Authorization", bearer(KIBANA_TOKEN)))
                .get("alertId").stringValue();
        String analyst = "Basic " + Base64.getEncoder().encodeToString("analyst:analyst-password".getBytes());

        HttpResponse<String> anonymous = get("/api/v1/evidence/" + alertId);
        HttpResponse<String> shown = get("/api/v1/evidence/" + alertId, "Authorization", analyst);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(shown.statusCode()).isEqualTo(200);
        JsonNode evidence = json(shown);
        assertThat(evidence.get("body").stringValue()).isEqualTo(alert);
        assertThat(evidence.get("sourceName").stringValue()).isEqualTo("kibana");
        assertThat(evidence.get("repeatCount").intValue()).isZero();
    }
}
