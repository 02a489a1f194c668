package io.vigie.cases.api;

import io.vigie.cases.CaseServiceTestBase;
import io.vigie.cases.incident.CaseProjectionIT;
import io.vigie.events.ClassificationChange;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Measure;
import io.vigie.events.Severity;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CaseCommandsIT extends CaseServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String NOTE = "{\"text\":\"Blocked 203.0.113.7 at the edge\"}";
    private static final String ACTION = "{\"type\":\"PASSWORD_RESET\",\"description\":\"Reset j.doe's password\"}";
    private static final String ASSIGNMENT = "{\"assignee\":\"analyst\"}";
    private static final String SEVERITY = "{\"severity\":\"CRITICAL\",\"reason\":\"Payroll data exposed\"}";
    private static final String CLIENT_UPDATE = """
            {"clientMessages": {"fr": "Nous avons contenu l'attaque.", "en": "We have contained the attack.",
                                "de": "  "},
             "measures": ["ACCOUNT_LOCKED", "ATTACK_SOURCES_BLOCKED"], "resolutionPlan": "Restore from backup"}""";
    private static final String APPROVAL = """
            {"clientMessages": {"fr": "Nous vous appelons dans l'heure.", "en": " "}}""";
    private static final String RESOLUTION = """
            {"summary": "Account restored, attacker locked out",
             "clientMessages": {"fr": "Le compte est rétabli.", "de": "Das Konto ist wiederhergestellt."},
             "correctiveActions": ["Enforce MFA"], "dataCompromised": false}""";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "viewer,   notes,          403", "viewer,   actions,        403", "viewer,   assignment,     403",
            "viewer,   severity,       403", "viewer,   client-updates, 403", "viewer,   resolution,     403",
            "comms,    notes,          200", "comms,    resolution,     403", "comms,    client-updates, 200",
            "comms,    actions,        403",
            "analyst,  notes,          200", "analyst,  actions,        200", "analyst,  assignment,     200",
            "analyst,  severity,       200", "analyst,  client-updates, 200", "analyst,  resolution,     200",
            "manager,  notes,          200", "manager,  severity,       200", "manager,  resolution,     200"})
    void shouldAllowEachCommandOnlyToItsRoles(String user, String command, int status) throws Exception {
        UUID incidentId = openIncident(Severity.HIGH, "Brute force on VPN", "acme");

        HttpResponse<String> response = post(user, "/api/cases/" + incidentId + "/" + command, body(command));

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 200) {
            assertThat(get("viewer", "/api/cases/" + incidentId + "/timeline").body())
                    .contains("\"actor\":\"" + user + "\"");
        } else {
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(timelineSize(incidentId)).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseAnonymousCallers() throws Exception {
        UUID incidentId = openIncident(Severity.LOW, "Port scan", "acme");

        assertThat(get(null, "/api/cases/" + incidentId).statusCode()).isEqualTo(401);
        assertThat(post(null, "/api/cases/" + incidentId + "/notes", NOTE).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldPublishAClientUpdateInTheClientsLanguagesForNotificationService() throws Exception {
        UUID incidentId = openIncident(Severity.HIGH, "Credential stuffing", "acme");

        HttpResponse<String> response = post("comms", "/api/cases/" + incidentId + "/client-updates", CLIENT_UPDATE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"IN_PROGRESS\"");
        IncidentUpdated update = awaitRecord(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(incidentId));
        assertThat(update.getKind()).isEqualTo(UpdateKind.CLIENT_UPDATE);
        assertThat(update.getNotifyClients()).isTrue();
        assertThat(update.getActor()).isEqualTo("comms");
        assertThat(update.getClientMessages()).as("the blank German text is no text")
                .containsExactlyInAnyOrderEntriesOf(Map.of("fr", "Nous avons contenu l'attaque.",
                        "en", "We have contained the attack."));
        assertThat(update.getMeasures()).containsExactly(Measure.ACCOUNT_LOCKED, Measure.ATTACK_SOURCES_BLOCKED);
        assertThat(update.getMeasuresTaken()).as("no free text in one language for the clients").isEmpty();
        assertThat(update.getResolutionPlan()).isEqualTo("Restore from backup");
        assertThat(update.getMessage()).isEqualTo("[fr] Nous avons contenu l'attaque.\n[en] We have contained the attack.");
        assertThat(update.getStatus()).isEqualTo(IncidentStatus.IN_PROGRESS);
        assertThat(get("viewer", "/api/cases/" + incidentId + "/timeline").body())
                .contains("Client update in fr, en:\\n[fr] Nous avons contenu l'attaque.\\n[en] We have contained")
                .contains("Measures taken: Account locked; Attack sources blocked.");
    }

    @Test
    void shouldStillTakeTheOlderSingleLanguageMessage() throws Exception {
        UUID english = openIncident(Severity.HIGH, "Credential stuffing", "acme");
        UUID german = openIncident(Severity.HIGH, "Credential stuffing", "acme");

        HttpResponse<String> untagged = post("analyst", "/api/cases/" + english + "/client-updates", """
                {"message": "The address is blocked.", "measuresTaken": ["Address 203.0.113.7 blocked"]}""");
        HttpResponse<String> tagged = post("analyst", "/api/cases/" + german + "/client-updates", """
                {"message": "Die Adresse ist gesperrt.", "messageLanguage": "de"}""");

        assertThat(untagged.statusCode()).isEqualTo(200);
        assertThat(tagged.statusCode()).isEqualTo(200);
        IncidentUpdated inEnglish = awaitRecord(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(english));
        assertThat(inEnglish.getClientMessages()).containsExactlyEntriesOf(Map.of("en", "The address is blocked."));
        assertThat(inEnglish.getMeasuresTaken()).isEmpty();
        assertThat(get("viewer", "/api/cases/" + english + "/timeline").body())
                .contains("Measures noted (internal, not sent to clients): Address 203.0.113.7 blocked.");
        assertThat(awaitRecord(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(german)).getClientMessages())
                .containsExactlyEntriesOf(Map.of("de", "Die Adresse ist gesperrt."));
    }

    @Test
    void shouldRefuseAClientTextInALanguageVigieDoesNotWriteInNamingIt() throws Exception {
        UUID incidentId = openIncident(Severity.HIGH, "Credential stuffing", "acme");

        HttpResponse<String> spanish = post("comms", "/api/cases/" + incidentId + "/client-updates", """
                {"clientMessages": {"fr": "Bloqué.", "es": "Bloqueado."}}""");
        HttpResponse<String> onlyBlank = post("comms", "/api/cases/" + incidentId + "/client-updates", """
                {"clientMessages": {"fr": " ", "en": ""}}""");
        HttpResponse<String> both = post("comms", "/api/cases/" + incidentId + "/client-updates", """
                {"clientMessages": {"fr": "Bloqué."}, "message": "Blocked."}""");
        HttpResponse<String> unknownMeasure = post("comms", "/api/cases/" + incidentId + "/client-updates", """
                {"clientMessages": {"en": "Blocked."}, "measures": ["ACCOUNT_LOCKED", "TELEPORTED"]}""");
        HttpResponse<String> spanishResolution = post("analyst", "/api/cases/" + incidentId + "/resolution", """
                {"summary": "Done", "clientMessages": {"es": "Hecho."}, "dataCompromised": false}""");

        assertThat(spanish.statusCode()).isEqualTo(400);
        assertThat(spanish.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(spanish.body()).contains("\"field\":\"clientMessages.es\"")
                .contains("\"allowed\":[\"fr\",\"en\",\"de\"]");
        assertThat(onlyBlank.statusCode()).isEqualTo(400);
        assertThat(onlyBlank.body()).contains("\"field\":\"clientMessages\"").contains("at least one text");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("\"field\":\"message\"");
        assertThat(unknownMeasure.statusCode()).isEqualTo(400);
        assertThat(unknownMeasure.body()).contains("\"field\":\"measures[1]\"").contains("PASSWORDS_RESET");
        assertThat(spanishResolution.statusCode()).isEqualTo(400);
        assertThat(spanishResolution.body()).contains("\"field\":\"clientMessages.es\"");
        assertThat(timelineSize(incidentId)).isEqualTo(1);
        assertThat(get("viewer", "/api/cases/" + incidentId).body()).contains("\"status\":\"OPEN\"");
    }

    @Test
    void shouldNotifyASuggestedClientOnlyOnceSomeoneConfirmsIt() throws Exception {
        // given an incident whose alert names three clients nobody vouches for
        UUID incidentId = openIncident(suggesting(classified(UUID.randomUUID(), UUID.randomUUID(), Severity.HIGH,
                "Leaked CRM export", ClassificationChange.OPENED, true, "acme"), "initech", "umbrella", "hooli"));
        JsonNode before = JSON.readTree(get("viewer", "/api/cases/" + incidentId).body());
        assertThat(before.get("suggestedClients").findValuesAsString("clientId"))
                .containsExactly("hooli", "initech", "umbrella");
        assertThat(before.get("suggestedClients").get(0).get("assets").get(0).asString()).isEqualTo("crm-hooli");
        assertThat(before.get("clients").findValuesAsString("clientId")).containsExactly("acme");

        // when the communications team confirms one, twice, and a viewer tries another
        HttpResponse<String> confirmed = post("comms", "/api/cases/" + incidentId + "/clients/initech/confirm", "");
        HttpResponse<String> again = post("comms", "/api/cases/" + incidentId + "/clients/initech/confirm", "");
        HttpResponse<String> byViewer = post("viewer", "/api/cases/" + incidentId + "/clients/hooli/confirm", "");

        // then it is an affected client, no longer a suggestion, on the timeline with who confirmed it
        assertThat(confirmed.statusCode()).isEqualTo(200);
        JsonNode details = JSON.readTree(confirmed.body());
        assertThat(details.get("clients").findValuesAsString("clientId")).containsExactly("acme", "initech");
        assertThat(details.get("suggestedClients").findValuesAsString("clientId")).containsExactly("hooli", "umbrella");
        assertThat(details.get("incident").get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(again.statusCode()).as("confirming again changes nothing").isEqualTo(200);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        JsonNode timeline = JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline").body());
        assertThat(timeline.size()).isEqualTo(2);
        assertThat(timeline.get(1).get("type").asString()).isEqualTo("CLIENT_CONFIRMED");
        assertThat(timeline.get(1).get("actor").asString()).isEqualTo("comms");
        assertThat(timeline.get(1).get("content").asString()).startsWith("Client initech confirmed as affected");

        // and notification-service is told once, to send it its first notice
        post("analyst", "/api/cases/" + incidentId + "/notes", NOTE);
        List<IncidentUpdated> confirmations = awaitRecords(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.CLIENTS_CONFIRMED,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.NOTE);
        assertThat(confirmations).singleElement().satisfies(event -> {
            assertThat(event.getConfirmedClients()).containsExactly("initech");
            assertThat(event.getNotifyClients()).isTrue();
            assertThat(event.getActor()).isEqualTo("comms");
        });

        // a client the incident does not suggest is named in the refusal
        HttpResponse<String> unknown = post("analyst", "/api/cases/" + incidentId + "/clients/globex/confirm", "");
        HttpResponse<String> affected = post("analyst", "/api/cases/" + incidentId + "/clients/acme/confirm", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(unknown.body()).contains("Not a suggested client").contains("\"clientId\":\"globex\"")
                .contains("globex is not a suggested client");
        assertThat(affected.statusCode()).isEqualTo(409);
        assertThat(affected.body()).contains("acme is already an affected client");

        // when a later alert shows umbrella affected, it is no longer a suggestion
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), classified(incidentId, UUID.randomUUID(),
                Severity.HIGH, "Leaked CRM export", ClassificationChange.ESCALATED, true, "umbrella"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode now = JSON.readTree(get("viewer", "/api/cases/" + incidentId).body());
            assertThat(now.get("suggestedClients").findValuesAsString("clientId")).containsExactly("hooli");
            assertThat(now.get("clients").findValuesAsString("clientId")).containsExactly("acme", "initech", "umbrella");
        });
        assertThat(post("analyst", "/api/cases/" + incidentId + "/clients/umbrella/confirm", "").statusCode())
                .isEqualTo(409);

        // and the resolution goes to the confirmed client too, never to the one still only suggested
        assertThat(post("analyst", "/api/cases/" + incidentId + "/resolution", RESOLUTION).statusCode())
                .isEqualTo(200);
        assertThat(awaitRecord(Topics.INCIDENT_RESOLVED, IncidentResolved.class,
                event -> event.getIncidentId().equals(incidentId)).getAffectedClientIds())
                .containsExactly("acme", "initech", "umbrella");
    }

    @Test
    void shouldApproveAHeldNoticeOnceWithTheTextsAddedAndOnlyForTheCommunicationsTeam() throws Exception {
        // given a notice to acme held for review, for contacts reading French and English
        UUID incidentId = openIncident(Severity.HIGH, "Mailbox takeover", "acme");
        UUID noticeId = UUID.randomUUID();
        Instant heldUntil = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.held(incidentId, "acme", noticeId, "fr", heldUntil));
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.held(incidentId, "acme", noticeId, "en", heldUntil));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 3);
        String approval = "/api/cases/" + incidentId + "/notices/" + noticeId + "/approval";

        // when an analyst and a viewer try, and the communications team approves it with a French text, twice
        HttpResponse<String> byAnalyst = post("analyst", approval, APPROVAL);
        HttpResponse<String> byViewer = post("viewer", approval, "");
        HttpResponse<String> spanish = post("comms", approval, "{\"clientMessages\": {\"es\": \"Hola.\"}}");
        HttpResponse<String> approved = post("comms", approval, APPROVAL);
        HttpResponse<String> again = post("comms", approval, "{\"clientMessages\": {\"en\": \"Second thoughts.\"}}");

        // then only the communications team may, in Vigie's languages, and the second time changes nothing
        assertThat(byAnalyst.statusCode()).isEqualTo(403);
        assertThat(byAnalyst.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(spanish.statusCode()).isEqualTo(400);
        assertThat(spanish.body()).contains("\"field\":\"clientMessages.es\"");
        assertThat(approved.statusCode()).isEqualTo(200);
        JsonNode details = JSON.readTree(approved.body());
        assertThat(details.get("incident").get("status").asString()).isEqualTo("IN_PROGRESS");
        JsonNode held = details.get("heldNotices").get(0);
        assertThat(held.get("noticeId").asString()).isEqualTo(noticeId.toString());
        assertThat(held.get("state").asString()).isEqualTo("APPROVED");
        assertThat(held.get("approvedBy").asString()).isEqualTo("comms");
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode timeline = JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline").body());
        assertThat(timeline.size()).as("opened, two held deliveries, one approval").isEqualTo(4);
        assertThat(timeline.get(3).get("type").asString()).isEqualTo("NOTICE_APPROVED");
        assertThat(timeline.get(3).get("actor").asString()).isEqualTo("comms");
        assertThat(timeline.get(3).get("content").asString())
                .startsWith("Held INITIAL 1 notice to acme (" + noticeId + ") approved for sending, with texts added "
                        + "in fr:\n[fr] Nous vous appelons dans l'heure.")
                .endsWith("No text added for the contacts reading en.");

        // and notification-service is told once: this notice, the French text, no new notice asked for
        post("analyst", "/api/cases/" + incidentId + "/notes", NOTE);
        List<IncidentUpdated> approvals = awaitRecords(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.NOTICE_APPROVED,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.NOTE);
        assertThat(approvals).singleElement().satisfies(event -> {
            assertThat(event.getApprovedNoticeId()).isEqualTo(noticeId);
            assertThat(event.getClientMessages()).containsExactlyEntriesOf(Map.of("fr",
                    "Nous vous appelons dans l'heure."));
            assertThat(event.getNotifyClients()).isFalse();
            assertThat(event.getActor()).isEqualTo("comms");
        });

        // a notice the incident does not hold is a 404 naming it
        UUID unknown = UUID.randomUUID();
        HttpResponse<String> notHeld = post("manager", "/api/cases/" + incidentId + "/notices/" + unknown
                + "/approval", "");
        assertThat(notHeld.statusCode()).isEqualTo(404);
        assertThat(notHeld.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(notHeld.body()).contains("Not a held notice").contains("\"noticeId\":\"" + unknown + "\"");
        assertThat(timelineSize(incidentId)).isEqualTo(5);
    }

    @Test
    void shouldLetAManagerApproveANoticeAsItIsRefuseOnePastItsTimeAndApproveOneHeldAfterTheResolution() throws Exception {
        UUID incidentId = openIncident(Severity.MEDIUM, "Suspicious mailbox rule", "acme");
        UUID asItIs = UUID.randomUUID();
        UUID expiring = UUID.randomUUID();
        UUID afterResolution = UUID.randomUUID();
        Instant soon = clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        Instant later = clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.held(incidentId, "acme", asItIs, "de", soon));
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.held(incidentId, "acme", expiring, "de", soon));
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                CaseProjectionIT.held(incidentId, "acme", afterResolution, "de", later));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 4);

        // a manager approves one without a body: as it is
        HttpResponse<String> approved = post("manager", "/api/cases/" + incidentId + "/notices/" + asItIs
                + "/approval", "");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline").body()).get(4).get("content")
                .asString()).endsWith("approved for sending as it is, no text added.");
        IncidentUpdated event = awaitRecord(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                update -> update.getIncidentId().equals(incidentId) && update.getKind() == UpdateKind.NOTICE_APPROVED);
        assertThat(event.getApprovedNoticeId()).isEqualTo(asItIs);
        assertThat(event.getClientMessages()).isEmpty();
        assertThat(event.getActor()).isEqualTo("manager");

        // once its time passed, notification-service sends it as it is: too late to approve
        clock.advance(Duration.ofMinutes(11));
        HttpResponse<String> tooLate = post("comms", "/api/cases/" + incidentId + "/notices/" + expiring
                + "/approval", APPROVAL);
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(tooLate.body()).contains("is no longer held: its hold ended at " + soon)
                .contains("\"command\":\"APPROVE_NOTICE\"");

        // after the resolution a notice still held (the RESOLUTION notice itself, say) can still be approved
        assertThat(post("analyst", "/api/cases/" + incidentId + "/resolution", RESOLUTION).statusCode())
                .isEqualTo(200);
        HttpResponse<String> resolved = post("comms", "/api/cases/" + incidentId + "/notices/" + afterResolution
                + "/approval", APPROVAL);
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(post("analyst", "/api/cases/" + incidentId + "/assignment", "{\"assignee\": \"bob\"}")
                .body()).contains("already resolved");
        assertThat(timelineSize(incidentId)).as("opened, three held, two approvals, the resolution").isEqualTo(7);
    }

    @Test
    void shouldPublishTheResolutionAndRefuseCommandsAfterIt() throws Exception {
        UUID incidentId = openIncident(Severity.CRITICAL, "Ransomware on file server", "acme", "globex");

        assertThat(post("analyst", "/api/cases/" + incidentId + "/resolution", RESOLUTION).statusCode())
                .isEqualTo(200);

        IncidentResolved resolved = awaitRecord(Topics.INCIDENT_RESOLVED, IncidentResolved.class,
                event -> event.getIncidentId().equals(incidentId));
        assertThat(resolved.getResolvedBy()).isEqualTo("analyst");
        assertThat(resolved.getSummary()).isEqualTo("Account restored, attacker locked out");
        assertThat(resolved.getCorrectiveActions()).containsExactly("Enforce MFA");
        assertThat(resolved.getAffectedClientIds()).containsExactly("acme", "globex");
        assertThat(resolved.getDataCompromised()).isFalse();
        assertThat(resolved.getClientMessages()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fr", "Le compte est rétabli.", "de", "Das Konto ist wiederhergestellt."));
        assertThat(get("viewer", "/api/cases/" + incidentId + "/timeline").body())
                .contains("Clients told in fr, de:");

        HttpResponse<String> again = post("analyst", "/api/cases/" + incidentId + "/resolution", RESOLUTION);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(again.body()).contains("already resolved").contains("\"status\":\"RESOLVED\"");
        assertThat(post("comms", "/api/cases/" + incidentId + "/client-updates", CLIENT_UPDATE).statusCode())
                .isEqualTo(409);
        assertThat(post("analyst", "/api/cases/" + incidentId + "/notes", NOTE).statusCode())
                .as("notes stay possible for the post-mortem").isEqualTo(200);
    }

    @Test
    void shouldRefuseASeverityTheIncidentAlreadyHas() throws Exception {
        UUID incidentId = openIncident(Severity.CRITICAL, "DDoS on the portal", "acme");

        HttpResponse<String> response = post("analyst", "/api/cases/" + incidentId + "/severity", SEVERITY);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("already CRITICAL");
    }

    @Test
    void shouldRefuseInvalidFieldsNamingThem() throws Exception {
        UUID incidentId = openIncident(Severity.MEDIUM, "Phishing", "acme");

        HttpResponse<String> blank = post("analyst", "/api/cases/" + incidentId + "/notes", "{\"text\":\" \"}");
        HttpResponse<String> wrongSeverity = post("analyst", "/api/cases/" + incidentId + "/severity",
                "{\"severity\":\"APOCALYPTIC\",\"reason\":\"x\"}");
        HttpResponse<String> missingFlag = post("analyst", "/api/cases/" + incidentId + "/resolution",
                "{\"summary\":\"done\"}");

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(blank.body()).contains("\"field\":\"text\"");
        assertThat(wrongSeverity.statusCode()).isEqualTo(400);
        assertThat(missingFlag.statusCode()).isEqualTo(400);
        assertThat(missingFlag.body()).contains("\"field\":\"dataCompromised\"");
        assertThat(timelineSize(incidentId)).isEqualTo(1);
    }

    @Test
    void shouldAnswer404ForAnUnknownIncident() throws Exception {
        HttpResponse<String> response = post("analyst", "/api/cases/" + UUID.randomUUID() + "/notes", NOTE);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Unknown incident");
    }

    @Test
    void shouldListActiveCasesByFilter() throws Exception {
        String title = "Filter test " + UUID.randomUUID();
        UUID critical = openIncident(Severity.CRITICAL, title, "filter-client");
        UUID low = openIncident(Severity.LOW, title, "other-client");

        String body = get("viewer", "/api/cases?severity=CRITICAL&client=filter-client").body();

        assertThat(body).contains(critical.toString()).doesNotContain(low.toString());
    }

    @Test
    void shouldDescribeTheApiWithOpenApi() throws Exception {
        HttpResponse<String> response = get("viewer", "/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/cases/{id}/resolution")
                .contains("/api/cases/{id}/timeline/verification")
                .contains("/api/cases/{id}/clients/{clientId}/confirm")
                .contains("/api/cases/{id}/notices/{noticeId}/approval")
                .contains("Suggested clients — not notified until confirmed");
    }

    private static String body(String command) {
        return switch (command) {
            case "notes" -> NOTE;
            case "actions" -> ACTION;
            case "assignment" -> ASSIGNMENT;
            case "severity" -> SEVERITY;
            case "client-updates" -> CLIENT_UPDATE;
            case "resolution" -> RESOLUTION;
            default -> throw new IllegalArgumentException(command);
        };
    }
}
