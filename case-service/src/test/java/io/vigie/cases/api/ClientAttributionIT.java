package io.vigie.cases.api;

import io.vigie.cases.CaseServiceTestBase;
import io.vigie.events.ClassificationChange;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Severity;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #23: an incident whose clients should be told but that names none (Wazuh about a host the inventory does not
 * know, from a manager bound to no client) waits for an analyst to name its client or dismiss it, counted in
 * {@code vigie.case.attribution.awaiting} meanwhile.
 */
class ClientAttributionIT extends CaseServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AWAITING = "vigie_case_attribution_awaiting";
    private static final String HIGH = "severity=\"HIGH\"";
    private static final String DISMISSAL = "{\"reason\":\"bastion-lab is the SOC's own lab host: no client data\"}";

    @Test
    void shouldHoldAnIncidentNamingNoClientUntilAnAnalystDismissesItWithAReason() throws Exception {
        // given Wazuh's brute force on a host nobody knows, which should notify
        double before = gauge(AWAITING, HIGH);
        UUID incidentId = openIncident(unattributed(UUID.randomUUID(), UUID.randomUUID(), "bastion-lab",
                ClassificationChange.OPENED));

        // then the case says it waits for a client, with its notify clock running, and the gauge counts it
        JsonNode waiting = details(incidentId);
        assertThat(waiting.at("/incident/attribution").asString()).isEqualTo("AWAITING");
        assertThat(waiting.get("clients").size()).isZero();
        assertThat(waiting.get("clocks").findValuesAsString("kind")).contains("NOTIFY");
        assertThat(gauge(AWAITING, HIGH)).isEqualTo(before + 1);

        // when a viewer, the communications team, an analyst without a reason, then with one try to dismiss it
        String dismissal = "/api/cases/" + incidentId + "/attribution/dismissal";
        HttpResponse<String> byViewer = post("viewer", dismissal, DISMISSAL);
        HttpResponse<String> byComms = post("comms", dismissal, DISMISSAL);
        HttpResponse<String> blank = post("analyst", dismissal, "{\"reason\":\" \"}");
        HttpResponse<String> dismissed = post("analyst", dismissal, DISMISSAL);
        HttpResponse<String> again = post("manager", dismissal, "{\"reason\":\"again\"}");

        // then only the analyst's, with its reason, counts; again changes nothing
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(byComms.statusCode()).isEqualTo(403);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(JSON.readTree(blank.body()).at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
        JsonNode after = JSON.readTree(dismissed.body());
        assertThat(after.at("/incident/attribution").asString()).isEqualTo("DISMISSED");
        assertThat(after.get("clocks").findValuesAsString("kind")).as("nobody to notify").doesNotContain("NOTIFY",
                "ACKNOWLEDGE");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(gauge(AWAITING, HIGH)).isEqualTo(before);

        // and the timeline records who decided it and why, chain intact
        JsonNode timeline = JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline").body());
        assertThat(timeline.size()).isEqualTo(2);
        assertThat(timeline.get(1).get("type").asString()).isEqualTo("ATTRIBUTION_DISMISSED");
        assertThat(timeline.get(1).get("actor").asString()).isEqualTo("analyst");
        assertThat(timeline.get(1).get("content").asString()).isEqualTo("Attribution dismissed, no client will be "
                + "told: bastion-lab is the SOC's own lab host: no client data");
        assertThat(get("viewer", "/api/cases/" + incidentId + "/timeline/verification").body())
                .contains("\"intact\":true");

        // and the other services read it once, as no client confirmed: nothing to send
        assertThat(post("analyst", "/api/cases/" + incidentId + "/notes", "{\"text\":\"Lab reimaged\"}")
                .statusCode()).isEqualTo(200);
        List<IncidentUpdated> published = awaitRecords(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.CLIENTS_CONFIRMED,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.NOTE);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.getConfirmedClients()).isEmpty();
            assertThat(event.getNotifyClients()).isFalse();
            assertThat(event.getActor()).isEqualTo("analyst");
            assertThat(event.getMessage()).isEqualTo("No client to notify: bastion-lab is the SOC's own lab host: "
                    + "no client data");
        });
    }

    @Test
    void shouldRefuseToDismissTheAttributionOfAnIncidentWhoseClientsAreKnown() throws Exception {
        UUID known = openIncident(Severity.HIGH, "Brute force on acme's VPN", "acme");

        HttpResponse<String> refused = post("analyst", "/api/cases/" + known + "/attribution/dismissal", DISMISSAL);
        HttpResponse<String> unknown = post("analyst", "/api/cases/" + UUID.randomUUID() + "/attribution/dismissal",
                DISMISSAL);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(JSON.readTree(refused.body()).get("command").asString()).isEqualTo("DISMISS_ATTRIBUTION");
        assertThat(refused.body()).contains("triage named its affected clients: nothing waits for attribution");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(details(known).at("/incident/attribution").asString()).isEqualTo("NOT_NEEDED");
    }

    @Test
    void shouldLetAnAnalystNameAnyClientOfAnIncidentNamingNoneAndNotifyIt() throws Exception {
        // given Wazuh's brute force on a host nobody knows
        double before = gauge(AWAITING, HIGH);
        UUID incidentId = openIncident(unattributed(UUID.randomUUID(), UUID.randomUUID(), "bastion-ci",
                ClassificationChange.OPENED));

        // when an analyst names a client no alert suggested (a mistyped one first), twice
        HttpResponse<String> mistyped = post("analyst", "/api/cases/" + incidentId + "/clients/acme%20corp/confirm",
                "");
        HttpResponse<String> named = post("analyst", "/api/cases/" + incidentId + "/clients/globex/confirm", "");
        HttpResponse<String> again = post("comms", "/api/cases/" + incidentId + "/clients/globex/confirm", "");

        // then it is an affected client, the incident no longer waits, and the gauge no longer counts it
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(mistyped.body()).at("/errors/0/field").asString()).isEqualTo("clientId");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        JsonNode after = JSON.readTree(named.body());
        assertThat(after.get("clients").findValuesAsString("clientId")).containsExactly("globex");
        assertThat(after.get("suggestedClients").size()).isZero();
        assertThat(after.at("/incident/attribution").asString()).isEqualTo("ATTRIBUTED");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(gauge(AWAITING, HIGH)).isEqualTo(before);
        JsonNode timeline = JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline").body());
        assertThat(timeline.get(1).get("type").asString()).isEqualTo("CLIENT_CONFIRMED");
        assertThat(timeline.get(1).get("content").asString()).startsWith("Client globex, named by analyst (no alert "
                + "named an affected client), confirmed as affected");

        // and notification-service is asked once to send it its first notice
        assertThat(post("analyst", "/api/cases/" + incidentId + "/notes", "{\"text\":\"CI runner of globex\"}")
                .statusCode()).isEqualTo(200);
        assertThat(awaitRecords(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.CLIENTS_CONFIRMED,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.NOTE))
                .singleElement().satisfies(event -> {
                    assertThat(event.getConfirmedClients()).containsExactly("globex");
                    assertThat(event.getNotifyClients()).isTrue();
                });

        // when the same host's next alert still names no client, the incident does not wait again
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), unattributed(incidentId, UUID.randomUUID(),
                "bastion-ci", ClassificationChange.ATTACHED));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 4);
        assertThat(details(incidentId).at("/incident/attribution").asString()).isEqualTo("ATTRIBUTED");
        assertThat(gauge(AWAITING, HIGH)).isEqualTo(before);
    }

    private JsonNode details(UUID incidentId) throws Exception {
        HttpResponse<String> response = get("viewer", "/api/cases/" + incidentId);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The sum of a meter's samples that carry {@code label} (Prometheus sorts the labels by name). */
    private double gauge(String name, String label) throws Exception {
        return Arrays.stream(get(null, "/actuator/prometheus").body().split("\n"))
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
