package io.vigie.intake.web;

import io.vigie.events.AlertRaised;
import io.vigie.events.Link;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.intake.IntakeITSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticWebhookIT extends IntakeITSupport {

    @Test
    void shouldPublishOneAlertRaisedFromTheDocumentedKibanaTemplate() {
        String id = newId();

        HttpResponse<String> response = post("/webhooks/elastic/kibana", payload("kibana-alert.json", id),
                "Authorization", bearer(KIBANA_TOKEN));

        assertThat(response.statusCode()).isEqualTo(202);
        List<Published> published = publishedFrom("kibana", id);
        assertThat(published).hasSize(1);
        AlertRaised event = published.get(0).event();
        assertThat(published.get(0).key()).isEqualTo("ws-" + id + ".finance.example.net");
        assertThat(event.getSource()).isEqualTo(SourceKind.ELASTIC);
        assertThat(event.getSourceReference()).isEqualTo("5b0f6c0e-" + id + "-4c5e-9a7d-2f3e4d5c6b7a");
        assertThat(event.getTitle()).isEqualTo("Suspicious PowerShell Download");
        assertThat(event.getSeverityHint()).isEqualTo(Severity.HIGH);
        assertThat(event.getDetectedAt()).isEqualTo(Instant.parse("2026-11-23T01:57:44.310Z"));
        assertThat(event.getAccounts()).containsExactly("m.dubois");
        assertThat(event.getIpAddresses()).containsExactly("10.12.4.87");
        assertThat(event.getTags()).containsExactly("Windows", "Execution", "T1059.001");
        assertThat(event.getClientHint()).isEqualTo("banque-du-nord");
        assertThat(event.getBoundClients()).as("a SOC-wide source").isEmpty();
        assertThat(event.getLinks()).extracting(Link::getLabel).containsExactly("Kibana alerts", "Kibana rule");
        assertThat(event.getAttributes()).containsEntry("rule.risk_score", "73.0");
    }

    @Test
    void shouldRefuseARiskScoreOutOfRangeNamingTheField() {
        String id = newId();
        String alert = payload("kibana-alert.json", id).replace("\"risk_score\": \"73\"", "\"risk_score\": 1e400");

        HttpResponse<String> response = post("/webhooks/elastic/kibana", alert, "Authorization", bearer(KIBANA_TOKEN));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("/rule/risk_score");
        assertThat(publishedFrom("kibana", id)).isEmpty();
    }
}
