package io.vigie.intake.web;

import io.vigie.events.AlertRaised;
import io.vigie.events.IndicatorType;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.intake.IntakeITSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WazuhWebhookIT extends IntakeITSupport {

    @Test
    void shouldPublishOneAlertRaisedWithTheFieldsOfAWazuhAlert() {
        String id = newId();

        HttpResponse<String> response = post("/webhooks/wazuh/wazuh-lyon", payload("wazuh-alert.json", id),
                "Authorization", bearer(WAZUH_TOKEN));

        assertThat(response.statusCode()).isEqualTo(202);
        List<Published> published = publishedFrom("wazuh-lyon", id);
        assertThat(published).hasSize(1);
        AlertRaised event = published.get(0).event();
        assertThat(published.get(0).key()).isEqualTo("bastion-" + id);
        assertThat(event.getSource()).isEqualTo(SourceKind.WAZUH);
        assertThat(event.getSourceReference()).isEqualTo("1763863152." + id);
        assertThat(event.getTitle()).isEqualTo("sshd: brute force trying to get access to the system. Non existent user.");
        assertThat(event.getDescription()).contains("Invalid user oracle from 203.0.113.77");
        assertThat(event.getSourceSeverity()).isEqualTo("level 10");
        assertThat(event.getSeverityHint()).isEqualTo(Severity.HIGH);
        assertThat(event.getDetectedAt()).isEqualTo(Instant.parse("2026-11-23T01:59:12.417Z"));
        assertThat(event.getIpAddresses()).containsExactly("10.20.0.14", "203.0.113.77");
        assertThat(event.getAccounts()).containsExactly("oracle");
        assertThat(event.getIndicators()).singleElement()
                .satisfies(indicator -> assertThat(indicator.getType()).isEqualTo(IndicatorType.IP));
        assertThat(event.getTags()).contains("authentication_failures", "T1110");
        assertThat(event.getTags()).as("Wazuh's GDPR article references, for triage to see personal data")
                .contains("gdpr:IV_35.7.d", "gdpr:IV_32.2");
        assertThat(event.getClientHint()).isEqualTo("lyon-hospital");
        assertThat(event.getBoundClients()).as("a client hint alone binds the source to no client").isEmpty();
        assertThat(event.getAttributes()).containsEntry("rule.id", "5712").containsEntry("location", "/var/log/auth.log");
    }

    @Test
    void shouldRefuseARuleLevelOutOfRangeNamingTheField() {
        String id = newId();
        String alert = payload("wazuh-alert.json", id).replace("\"level\": 10", "\"level\": 99999999999999999999999");

        HttpResponse<String> response = post("/webhooks/wazuh/wazuh-lyon", alert, "Authorization", bearer(WAZUH_TOKEN));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").stringValue()).isEqualTo("/rule/level");
        assertThat(publishedFrom("wazuh-lyon", id)).isEmpty();
    }
}
