package io.vigie.postmortem;

import io.vigie.events.AlertClassified;
import io.vigie.events.ClassificationChange;
import io.vigie.events.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DraftIT extends PostmortemITSupport {

    @Test
    void shouldDraftACompletelyPrefilledPostmortemWhenAnIncidentIsResolved() throws Exception {
        Scenario s = Scenario.accountCompromise();

        JsonNode draft = drafted(s);

        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        JsonNode incident = draft.get("incident");
        // date and time of detection, classification, first client notice, acknowledgement and resolution
        assertThat(incident.get("detectedAt").asString()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(incident.get("alertReceivedAt").asString()).isEqualTo("2026-11-20T10:02:00Z");
        assertThat(incident.get("classifiedAt").asString()).isEqualTo("2026-11-20T10:05:00Z");
        assertThat(incident.get("firstNoticeAt").asString()).isEqualTo("2026-11-20T10:50:00Z");
        assertThat(incident.get("firstAcknowledgedAt").asString()).isEqualTo("2026-11-20T11:20:00Z");
        assertThat(incident.get("resolvedAt").asString()).isEqualTo("2026-11-20T13:00:00Z");
        assertThat(incident.get("resolvedBy").asString()).isEqualTo("alice");
        // classification and description
        assertThat(incident.get("title").asString()).isEqualTo("Account takeover on the payroll portal");
        assertThat(incident.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(incident.get("category").asString()).isEqualTo("ACCOUNT_COMPROMISE");
        assertThat(incident.get("impact").asString()).isEqualTo("Payslips of one employee were readable by the attacker.");
        assertThat(incident.get("summary").asString()).startsWith("Someone logged into j.doe's payroll account");
        assertThat(incident.get("resolutionSummary").asString()).startsWith("The attacker's sessions were revoked");
        // affected clients, services and data
        assertThat(strings(incident.get("affectedClients"))).containsExactly("client-a", "client-b");
        assertThat(strings(incident.get("affectedServices"))).containsExactlyInAnyOrder("payroll", "hr-portal");
        assertThat(strings(incident.get("affectedAssets"))).containsExactly("payroll-web-01");
        assertThat(strings(incident.get("dataCategories"))).containsExactlyInAnyOrder("CREDENTIALS", "PERSONAL");
        assertThat(incident.get("personalDataInvolved").asBoolean()).isTrue();
        assertThat(incident.get("dataCompromised").asBoolean()).isTrue();
        // corrective actions from the resolution, measures from classification and updates
        assertThat(strings(incident.get("correctiveActions")))
                .containsExactly("Password reset for j.doe", "MFA enforced on payroll portal");
        assertThat(strings(incident.get("measuresTaken"))).containsExactlyInAnyOrder("Account j.doe locked", "Sessions revoked");
        // the timeline, in time order, whatever topic each event came from
        List<String> kinds = StreamSupport.stream(draft.get("timeline").spliterator(), false)
                .map(e -> e.get("kind").asString()).toList();
        assertThat(kinds).containsExactly("CLASSIFIED", "NOTICE_FAILED", "NOTICE_SENT", "NOTICE_ACKNOWLEDGED",
                "ACTION_TAKEN", "RESOLVED");
        assertThat(draft.get("timeline").get(4).get("actor").asString()).isEqualTo("alice");
        assertThat(draft.get("timeline").get(4).get("description").asString())
                .isEqualTo("Sessions revoked and password reset forced");
        // response metrics as case-service's clocks ran them, with the targets it applied (sent with the resolution)
        JsonNode measures = draft.get("metrics").get("measures");
        assertMeasure(measures.get(0), "detect", 120, 300, true);
        assertMeasure(measures.get(1), "classify", 180, 300, true);
        assertMeasure(measures.get(2), "notify", 2880, 900, false);
        assertMeasure(measures.get(3), "acknowledge", 4680, 1800, false);
        assertMeasure(measures.get(4), "resolve", 10680, 14400, true);
        // nothing of the team's part yet, and the draft says what approval still needs
        assertThat(draft.get("analysis").get("rootCause").isNull()).isTrue();
        assertThat(strings(draft.get("missingForApproval"))).hasSize(2);
    }

    @Test
    void shouldCreateNoSecondDraftNorTimelineEntryWhenTheEventsAreReplayed() throws Exception {
        Scenario s = Scenario.accountCompromise();
        String draftId = drafted(s).get("id").asString();

        // when every event is delivered again, then the incident is resolved once more (reopened and re-resolved)
        publish(s);
        var again = Scenario.resolved(s.incidentId(), s.resolved().getResolvedAt().plus(Duration.ofHours(1)));
        send(Topics.INCIDENT_RESOLVED, s.incidentId(), again);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class, again.getEventId()) == 1);
        // the replayed notices and updates travel on other topics: wait for the last of them to be handled too
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM processed_event WHERE event_id IN (?, ?)", Integer.class,
                s.acknowledged().getEventId(), s.actionTaken().getEventId()) == 2);

        // then one post-mortem, the same one, and only the new resolution added to the timeline
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM postmortem WHERE incident_id = ?", Integer.class,
                s.incidentId())).isEqualTo(1);
        JsonNode draft = draftOf(s.incidentId()).orElseThrow();
        assertThat(draft.get("id").asString()).isEqualTo(draftId);
        assertThat(draft.get("timeline").size()).isEqualTo(7);
        assertThat(draft.get("incident").get("resolvedAt").asString()).isEqualTo("2026-11-20T14:00:00Z");
    }

    @Test
    void shouldFoldEveryAttachedAlertIntoItsIncidentOnceWhenTheyArriveTogether() throws Exception {
        Scenario first = Scenario.accountCompromise();
        Scenario second = Scenario.accountCompromise();
        List<AlertClassified> events = new ArrayList<>(List.of(first.classified(), second.classified()));
        for (int i = 0; i < 20; i++) {
            for (Scenario s : List.of(first, second)) {
                events.add(AlertClassified.newBuilder(s.classified()).setEventId(UUID.randomUUID())
                        .setAlertId(UUID.randomUUID()).setChange(ClassificationChange.ATTACHED)
                        .setAffectedAssets(List.of("host-" + i)).build());
            }
            if (i == 10) {
                events.add(events.get(4)); // a redelivery, in the middle of the others
            }
        }
        // Sent without waiting for each: the listener gets them in few polls, each incident's in its order.
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (AlertClassified event : events) {
            sent.add(kafka.send(Topics.ALERT_CLASSIFIED, event.getIncidentId().toString(), event));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        for (Scenario s : List.of(first, second)) {
            String timeline = "SELECT COUNT(*) FROM timeline_entry WHERE incident_id = ?";
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(timeline, Integer.class,
                    s.incidentId()) >= 21);
            // the last event of the incident is handled, so the redelivery before it is too: it added nothing
            assertThat(jdbc.queryForObject(timeline, Integer.class, s.incidentId())).isEqualTo(21);
            JsonNode facts = json.readTree(jdbc.queryForObject("SELECT facts FROM incident WHERE incident_id = ?",
                    String.class, s.incidentId()));
            assertThat(strings(facts.get("affectedAssets"))).hasSize(21).contains("payroll-web-01", "host-0", "host-19");
            assertThat(facts.get("title").asString()).isEqualTo("Account takeover on the payroll portal");
        }
    }

    @Test
    void shouldAnswerNotFoundAsProblemJsonForAnIncidentWithoutPostmortem() throws Exception {
        var response = call("GET", "/api/incidents/" + UUID.randomUUID() + "/postmortem", VIEWER, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("No post-mortem for incident");
    }

    private static void assertMeasure(JsonNode measure, String step, long actual, long target, boolean met) {
        assertThat(measure.get("step").asString()).isEqualTo(step);
        assertThat(measure.get("actualSeconds").asLong()).isEqualTo(actual);
        assertThat(measure.get("targetSeconds").asLong()).isEqualTo(target);
        assertThat(measure.get("met").asBoolean()).as(step + " met").isEqualTo(met);
    }

    static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
