package io.vigie.cases.api;

import io.vigie.cases.CaseServiceTestBase;
import io.vigie.events.ClassificationChange;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Severity;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue "An analyst's day without friction", 1: an analyst attaches any client to an incident, or detaches one, with
 * the reason on the timeline; the other services read it on IncidentUpdated.
 */
class ClientAttachmentIT extends CaseServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ATTACH_GLOBEX = """
            {"clientId": "globex", "reason": "The VPN concentrator is shared with globex since March"}""";
    private static final String DETACH_ACME = "{\"reason\":\"The mailbox moved to initech's tenant last week\"}";

    @Test
    void shouldAttachAClientToAnIncidentWithClientsAndDetachAnotherWithTheirReasons() throws Exception {
        // given an incident whose inventory named acme
        UUID incidentId = openIncident(Severity.HIGH, "Brute force on acme's webmail", "acme");
        String clients = "/api/cases/" + incidentId + "/clients";

        // when a viewer, the communications team, an analyst without a reason, then with one attach globex
        HttpResponse<String> byViewer = post("viewer", clients, ATTACH_GLOBEX);
        HttpResponse<String> byComms = post("comms", clients, ATTACH_GLOBEX);
        HttpResponse<String> noReason = post("analyst", clients, "{\"clientId\":\"globex\"}");
        HttpResponse<String> attached = post("analyst", clients, ATTACH_GLOBEX);
        HttpResponse<String> again = post("manager", clients, ATTACH_GLOBEX);

        // then only the analyst's, with its reason, attaches it; attaching it again is a conflict
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(byComms.statusCode()).isEqualTo(403);
        assertProblemNaming(noReason, "reason");
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        assertThat(clientIds(JSON.readTree(attached.body()).get("clients"))).containsExactly("acme", "globex");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("globex is already an affected client of the incident");

        // when an analyst detaches acme, without a reason first, then twice with one
        String detachment = clients + "/acme/detachment";
        HttpResponse<String> blank = post("analyst", detachment, "{\"reason\":\" \"}");
        HttpResponse<String> detached = post("analyst", detachment, DETACH_ACME);
        HttpResponse<String> twice = post("analyst", detachment, DETACH_ACME);
        HttpResponse<String> stranger = post("analyst", clients + "/hooli/detachment", DETACH_ACME);

        // then acme is no longer an affected client, and the case says who detached it and why
        assertProblemNaming(blank, "reason");
        assertThat(detached.statusCode()).as(detached.body()).isEqualTo(200);
        JsonNode after = JSON.readTree(detached.body());
        assertThat(clientIds(after.get("clients"))).containsExactly("globex");
        assertThat(after.at("/detachedClients/0/clientId").asString()).isEqualTo("acme");
        assertThat(after.at("/detachedClients/0/detachedBy").asString()).isEqualTo("analyst");
        assertThat(after.at("/detachedClients/0/reason").asString())
                .isEqualTo("The mailbox moved to initech's tenant last week");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("acme is already detached from the incident");
        assertThat(stranger.statusCode()).isEqualTo(409);

        // and the timeline records both, with who and why, chain intact
        JsonNode timeline = JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline").body());
        List<JsonNode> entries = new ArrayList<>();
        timeline.forEach(entries::add);
        assertThat(entries).filteredOn(e -> e.get("type").asString().equals("CLIENT_ATTACHED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("actor").asString()).isEqualTo("analyst");
                    assertThat(e.get("content").asString()).startsWith("Client globex attached: The VPN "
                            + "concentrator is shared with globex since March");
                });
        assertThat(entries).filteredOn(e -> e.get("type").asString().equals("CLIENT_DETACHED")).singleElement()
                .satisfies(e -> assertThat(e.get("content").asString()).startsWith("Client acme detached: The "
                        + "mailbox moved to initech's tenant last week"));
        assertThat(get("viewer", "/api/cases/" + incidentId + "/timeline/verification").body())
                .contains("\"intact\":true");

        // and the other services read the attachment as a confirmed client to tell, the detachment as a detached one
        assertThat(post("analyst", "/api/cases/" + incidentId + "/notes", "{\"text\":\"done\"}").statusCode())
                .isEqualTo(200);
        List<IncidentUpdated> published = awaitRecords(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() != UpdateKind.NOTE,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.NOTE);
        assertThat(published).hasSize(2);
        assertThat(published.get(0).getKind()).isEqualTo(UpdateKind.CLIENTS_CONFIRMED);
        assertThat(published.get(0).getConfirmedClients()).containsExactly("globex");
        assertThat(published.get(0).getNotifyClients()).isTrue();
        assertThat(published.get(0).getMessage()).isEqualTo("Client globex attached: The VPN concentrator is shared "
                + "with globex since March");
        assertThat(published.get(1).getKind()).isEqualTo(UpdateKind.CLIENT_DETACHED);
        assertThat(published.get(1).getDetachedClients()).containsExactly("acme");
        assertThat(published.get(1).getConfirmedClients()).isEmpty();
        assertThat(published.get(1).getNotifyClients()).isFalse();
    }

    @Test
    void shouldKeepADetachedClientDetachedWhenALaterAlertNamesItUntilAnAnalystAttachesItAgain() throws Exception {
        // given acme detached from its incident
        UUID incidentId = openIncident(Severity.HIGH, "Brute force on acme's webmail", "acme", "initech");
        String clients = "/api/cases/" + incidentId + "/clients";
        assertThat(post("analyst", clients + "/acme/detachment", DETACH_ACME).statusCode()).isEqualTo(200);

        // when a later alert of the incident names acme again
        int before = timelineSize(incidentId);
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), classified(incidentId, UUID.randomUUID(),
                Severity.HIGH, "Brute force on acme's webmail", ClassificationChange.ATTACHED, false, "acme"));
        await().until(() -> timelineSize(incidentId) > before);

        // then it stays detached: the analyst's decision stands
        JsonNode details = JSON.readTree(get("viewer", "/api/cases/" + incidentId).body());
        assertThat(clientIds(details.get("clients"))).containsExactly("initech");

        // when an analyst attaches it again, then resolves the incident
        HttpResponse<String> reattached = post("analyst", clients,
                "{\"clientId\":\"acme\",\"reason\":\"The move to initech's tenant was postponed\"}");
        assertThat(reattached.statusCode()).as(reattached.body()).isEqualTo(200);
        assertThat(clientIds(JSON.readTree(reattached.body()).get("clients"))).containsExactly("acme", "initech");
        assertThat(JSON.readTree(reattached.body()).get("detachedClients").size()).isZero();
        assertThat(post("analyst", clients + "/initech/detachment", "{\"reason\":\"Not theirs\"}").statusCode())
                .isEqualTo(200);
        assertThat(post("analyst", "/api/cases/" + incidentId + "/resolution",
                "{\"summary\":\"Account restored\",\"dataCompromised\":false}").statusCode()).isEqualTo(200);

        // then the resolution names the attached client, not the detached one
        IncidentResolved resolved = awaitRecord(Topics.INCIDENT_RESOLVED, IncidentResolved.class,
                event -> event.getIncidentId().equals(incidentId));
        assertThat(resolved.getAffectedClientIds()).containsExactly("acme");
        assertThat(post("analyst", clients, ATTACH_GLOBEX).statusCode()).as("resolved").isEqualTo(409);
    }

    private static void assertProblemNaming(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo(field);
    }

    private static List<String> clientIds(JsonNode clients) {
        List<String> ids = new ArrayList<>();
        clients.forEach(client -> ids.add(client.get("clientId").asString()));
        return ids;
    }
}
