package io.vigie.intake.web;

import io.vigie.intake.IntakeITSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeMetricsIT extends IntakeITSupport {

    @Test
    void shouldCountReceivedAcceptedDuplicateAndRejectedAlertsBySource() {
        String id = newId();
        String alert = payload("wazuh-alert.json", id);
        post("/webhooks/wazuh/wazuh-lyon", alert, "Authorization", bearer(WAZUH_TOKEN));
        post("/webhooks/wazuh/wazuh-lyon", alert, "Authorization", bearer(WAZUH_TOKEN));
        post("/webhooks/wazuh/wazuh-lyon", alert, "Authorization", bearer("wrong"));
        post("/webhooks/wazuh/probe-" + id, alert, "Authorization", bearer(WAZUH_TOKEN));

        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.body())
                .containsPattern("vigie_intake_received_total\\{[^}]*source=\"wazuh-lyon\"")
                .containsPattern("vigie_intake_accepted_total\\{[^}]*source=\"wazuh-lyon\"")
                .containsPattern("vigie_intake_duplicates_total\\{[^}]*source=\"wazuh-lyon\"")
                .containsPattern("vigie_intake_rejected_total\\{[^}]*reason=\"unauthorized\"[^}]*source=\"wazuh-lyon\"")
                .containsPattern("vigie_intake_rejected_total\\{[^}]*reason=\"unknown_source\"[^}]*source=\"unknown\"")
                .containsPattern("vigie_intake_request_seconds_bucket\\{[^}]*source=\"wazuh-lyon\"")
                .contains("vigie_intake_broker_ack_seconds_bucket")
                .doesNotContain("probe-" + id);
    }
}
