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

class AlertmanagerWebhookIT extends IntakeITSupport {

    private static final String GROUP_KEY = "{}/{severity=\"critical\"}:{alertname=\"HighLoginFailureRate\"}";

    @Test
    void shouldPublishOneAlertRaisedPerAlertOfTheNotification() {
        String id = newId();

        HttpResponse<String> response = post("/webhooks/alertmanager/prometheus-prod",
                payload("alertmanager-group.json", id), "Authorization", bearer(ALERTMANAGER_TOKEN));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("published").intValue()).isEqualTo(2);
        List<Published> published = publishedFrom("prometheus-prod", id);
        assertThat(published).hasSize(2)
                .allSatisfy(each -> assertThat(each.event().getBoundClients()).containsExactly("acme"));
        Published firing = published.stream().filter(p -> !p.event().getResolvedBySource()).findFirst().orElseThrow();
        AlertRaised event = firing.event();
        assertThat(firing.key()).isEqualTo("auth-" + id + ".acme.internal");
        assertThat(event.getSource()).isEqualTo(SourceKind.ALERTMANAGER);
        assertThat(event.getSourceReference()).isEqualTo(GROUP_KEY + "/c1" + id);
        assertThat(event.getTitle()).isEqualTo("Login failures above 50/s on the customer portal");
        assertThat(event.getDescription()).startsWith("auth-" + id + " rejected 312 logins");
        assertThat(event.getSeverityHint()).isEqualTo(Severity.CRITICAL);
        assertThat(event.getSourceSeverity()).isEqualTo("critical");
        assertThat(event.getService()).isEqualTo("customer-portal");
        assertThat(event.getClientHint()).isEqualTo("acme");
        assertThat(event.getDetectedAt()).isEqualTo(Instant.parse("2026-11-23T01:52:30.123Z"));
        assertThat(event.getLinks()).extracting(Link::getLabel).contains("Source", "Runbook", "Alertmanager");
        assertThat(event.getAttributes()).containsEntry("label.job", "node")
                .containsEntry("alertmanager.receiver", "vigie");
        AlertRaised resolved = published.stream().map(Published::event).filter(AlertRaised::getResolvedBySource)
                .findFirst().orElseThrow();
        assertThat(resolved.getSourceReference()).isEqualTo(GROUP_KEY + "/d2" + id);
        assertThat(resolved.getAsset()).isEqualTo("auth-b-" + id + ".acme.internal");
    }

    @Test
    void shouldTakeTheAssetOfABlackboxProbeAlertFromTheHostOfTheProbedUrl() {
        String id = newId();

        HttpResponse<String> response = post("/webhooks/alertmanager/prometheus-prod",
                payload("alertmanager-blackbox.json", id), "Authorization", bearer(ALERTMANAGER_TOKEN));

        assertThat(response.statusCode()).isEqualTo(202);
        Published published = publishedFrom("prometheus-prod", "5e1fa2b3" + id).get(0);
        assertThat(published.key()).isEqualTo("portal-" + id + ".example.com");
        assertThat(published.event().getAsset()).isEqualTo("portal-" + id + ".example.com");
        assertThat(published.event().getIpAddresses()).isEmpty();
        assertThat(published.event().getAttributes())
                .containsEntry("label.instance", "https://portal-" + id + ".example.com:8443/health");
    }

    @Test
    void shouldNotRepublishTheAlertsOfARepeatedNotification() {
        String id = newId();
        String notification = payload("alertmanager-group.json", id);

        post("/webhooks/alertmanager/prometheus-prod", notification, "Authorization", bearer(ALERTMANAGER_TOKEN));
        HttpResponse<String> repeat = post("/webhooks/alertmanager/prometheus-prod", notification,
                "Authorization", bearer(ALERTMANAGER_TOKEN));

        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(json(repeat).get("duplicates").intValue()).isEqualTo(2);
        assertThat(publishedFrom("prometheus-prod", id)).hasSize(2);
    }

    @Test
    void shouldPublishTheResolutionOfAnAlertThatWasFiring() {
        String id = newId();
        String firing = payload("alertmanager-group.json", id);
        String resolved = firing.replaceFirst("\"status\": \"firing\",\\s*\"labels\"", "\"status\": \"resolved\", \"labels\"");

        post("/webhooks/alertmanager/prometheus-prod", firing, "Authorization", bearer(ALERTMANAGER_TOKEN));
        HttpResponse<String> response = post("/webhooks/alertmanager/prometheus-prod", resolved,
                "Authorization", bearer(ALERTMANAGER_TOKEN));

        assertThat(response.statusCode()).isEqualTo(202);
        List<AlertRaised> aboutTheFirstAlert = publishedFrom("prometheus-prod", "/c1" + id).stream()
                .map(Published::event).toList();
        assertThat(aboutTheFirstAlert).extracting(AlertRaised::getResolvedBySource).containsExactly(false, true);
    }

    @Test
    void shouldAcceptGrafanasAlertmanagerCompatibleWebhook() {
        String id = newId();

        HttpResponse<String> response = post("/webhooks/alertmanager/grafana", payload("grafana-alert.json", id),
                "Authorization", bearer(ALERTMANAGER_TOKEN));

        assertThat(response.statusCode()).isEqualTo(202);
        AlertRaised event = publishedFrom("grafana", "e3" + id).get(0).event();
        assertThat(event.getAsset()).isEqualTo("db-" + id);
        assertThat(event.getSeverityHint()).isEqualTo(Severity.MEDIUM);
        assertThat(event.getLinks()).extracting(Link::getLabel).contains("Dashboard", "Silence", "Panel");
        assertThat(event.getAttributes()).containsEntry("value.B", "93.2").containsEntry("alertmanager.orgId", "1");
    }

    @Test
    void shouldRefuseANotificationWithoutTheSourcesBearerToken() {
        String id = newId();

        HttpResponse<String> response = post("/webhooks/alertmanager/prometheus-prod",
                payload("alertmanager-group.json", id));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(publishedFrom("prometheus-prod", id)).isEmpty();
    }
}
