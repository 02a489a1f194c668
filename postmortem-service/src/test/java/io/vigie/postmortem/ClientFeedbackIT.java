package io.vigie.postmortem;

import io.vigie.test.PageBrowser;
import io.vigie.events.ClientMessageChannel;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Severity;
import io.vigie.events.SurveyAnswered;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clients' side after closure: survey answers reach the approved post-mortem (its page, its report, its
 * timeline) without reopening it, a poor one opens an action item for the communications lead, and the clients'
 * questions and the answers to them read as such on the timeline.
 */
class ClientFeedbackIT extends PostmortemITSupport {

    private static final String COMMENT = "<script>alert('x')</script> Nobody called us back.";

    @Test
    void shouldShowTheClientsFeedbackOnTheApprovedPostmortemAndFollowUpAPoorAnswerOnce() throws Exception {
        // given an approved post-mortem (approval closed the incident, closure sent the survey)
        Scenario s = Scenario.accountCompromise();
        String id = drafted(s).get("id").asString();
        assertThat(call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST, write(ApprovalIT.complete()))
                .statusCode()).isEqualTo(200);
        JsonNode approved = json.readTree(call("POST", "/api/postmortems/" + id + "/approval", MANAGER, null).body());
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");

        // when the clients answer, and the conversation around it arrives too
        SurveyAnswered poor = answer(s.incidentId(), "client-a", "jm", "Jeanne Martin", 4, 2, false, COMMENT);
        SurveyAnswered good = answer(s.incidentId(), "client-b", "kv", "Katrin Vogel", 5, 4, true, null);
        ClientMessageReceived question = question(s.incidentId());
        IncidentUpdated answered = update(s.incidentId(), UpdateKind.CLIENT_ANSWERED, "Answered Jeanne's question")
                .setAnsweredMessageId(question.getMessageId()).setClientId("client-a").setContactId("jm")
                .setClientMessages(Map.of("fr", "Aucune donnée n'a quitté votre réseau.")).build();
        IncidentUpdated call = update(s.incidentId(), UpdateKind.CLIENT_CALL, "Called Jeanne back about the survey")
                .setClientId("client-a").setContactId("jm").build();
        for (Object event : List.of(poor, good, question, answered, call)) {
            send(topic(event), s.incidentId(), event);
        }
        JsonNode p = await().atMost(Duration.ofSeconds(60)).until(() -> postmortem(id),
                found -> found.get("clientFeedback").size() == 2 && kinds(found).containsAll(
                        List.of("CLIENT_QUESTION", "CLIENT_ANSWERED", "CLIENT_CALL")));

        // then the report is still the approved one, with the feedback beside it
        assertThat(p.get("status").asString()).isEqualTo("APPROVED");
        assertThat(p.get("approvedAt").asString()).isEqualTo(approved.get("approvedAt").asString());
        assertThat(p.get("incident")).isEqualTo(approved.get("incident"));
        JsonNode jeanne = p.get("clientFeedback").get(0);
        assertThat(jeanne.get("contactName").asString()).isEqualTo("Jeanne Martin");
        assertThat(jeanne.get("communicationRating").asInt()).isEqualTo(2);
        assertThat(jeanne.get("questionsAnswered").asBoolean()).isFalse();
        assertThat(jeanne.get("comment").asString()).isEqualTo(COMMENT);
        assertThat(descriptions(p, "CLIENT_FEEDBACK")).containsExactly(
                "Satisfaction survey answered: handling 4/5 (good), communication 2/5 (poor), all questions answered: "
                        + "no. Comment: " + COMMENT,
                "Satisfaction survey answered: handling 5/5 (excellent), communication 4/5 (good), all questions "
                        + "answered: yes");
        assertThat(descriptions(p, "CLIENT_QUESTION")).containsExactly(
                "Question from Jeanne Martin of client-a: Nos données personnelles sont-elles concernées ?");
        assertThat(descriptions(p, "CLIENT_ANSWERED")).containsExactly(
                "Answer to jm of client-a: Aucune donnée n'a quitté votre réseau. (fr)");
        assertThat(descriptions(p, "CLIENT_CALL")).containsExactly(
                "Phone call with jm of client-a: Called Jeanne back about the survey");

        // the poor answer, and only it, opened an action item for the communications lead
        JsonNode items = p.get("analysis").get("actionItems");
        assertThat(items).hasSize(3);
        JsonNode followUp = items.get(2);
        assertThat(followUp.get("description").asString()).isEqualTo("Follow up the survey answer of Jeanne Martin "
                + "(client-a): communication rated 2/5 (poor); questions left unanswered. Call them back, answer what "
                + "is still open and review how we communicated.");
        assertThat(followUp.get("owner").asString()).isEqualTo("comms-lead");
        assertThat(followUp.get("dueDate").asString()).isEqualTo(s.detectedAt().plus(Duration.ofDays(10 + 7))
                .toString().substring(0, 10));
        assertThat(followUp.get("fromClientFeedback").asBoolean()).isTrue();
        assertThat(learningItems()).contains(followUp.get("id").asString());

        // on the page and in the report, escaped; never in the summary the clients read
        String page = new PageBrowser(port, "/postmortems").login(VIEWER).get("/postmortems/" + id).body();
        String html = text(download("/api/postmortems/" + id + "/report.html", VIEWER));
        String markdown = text(download("/api/postmortems/" + id + "/report.md", VIEWER));
        for (String report : List.of(page, html)) {
            assertThat(report).contains("Client feedback", "Jeanne Martin (client-a)", "2/5 (poor)", "4/5 (good)",
                    "5/5 (excellent)", "Katrin Vogel (client-b)", "&lt;script&gt;").doesNotContain("<script>");
        }
        assertThat(markdown).contains("## Client feedback", "| Jeanne Martin (client-a) |", "| 2/5 (poor) |");
        assertThat(text(download("/api/postmortems/" + id + "/client-summary.md", VIEWER)))
                .doesNotContain("Jeanne", "survey", "Katrin");

        // when the answers are delivered again, and one is replayed under a new event id
        SurveyAnswered replayed = SurveyAnswered.newBuilder(poor).setEventId(UUID.randomUUID())
                .setHandlingRating(1).build();
        for (Object event : List.of(poor, good, question, replayed)) {
            send(topic(event), s.incidentId(), event);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class, replayed.getEventId()) == 1);

        // then nothing is there twice
        JsonNode after = postmortem(id);
        assertThat(after.get("clientFeedback")).hasSize(2);
        assertThat(after.get("clientFeedback").get(0).get("handlingRating").asInt()).isEqualTo(4);
        assertThat(after.get("analysis").get("actionItems")).hasSize(3);
        assertThat(descriptions(after, "CLIENT_FEEDBACK")).hasSize(2);
        assertThat(descriptions(after, "CLIENT_QUESTION")).hasSize(1);
    }

    @Test
    void shouldOpenNoActionItemForAGoodAnswer() throws Exception {
        Scenario s = Scenario.accountCompromise();
        String id = drafted(s).get("id").asString();
        assertThat(call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST, write(ApprovalIT.complete()))
                .statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/postmortems/" + id + "/approval", MANAGER, null).statusCode()).isEqualTo(200);

        send(Topics.SURVEY_ANSWERED, s.incidentId(),
                answer(s.incidentId(), "client-a", "jm", "Jeanne Martin", 3, 3, true, "Fine."));
        JsonNode p = await().atMost(Duration.ofSeconds(60)).until(() -> postmortem(id),
                found -> found.get("clientFeedback").size() == 1);

        assertThat(p.get("analysis").get("actionItems")).hasSize(2)
                .allSatisfy(item -> assertThat(item.get("fromClientFeedback").asBoolean()).isFalse());
        assertThat(descriptions(p, "CLIENT_FEEDBACK")).singleElement().asString().contains("3/5 (fair)");
    }

    private JsonNode postmortem(String id) throws Exception {
        return json.readTree(call("GET", "/api/postmortems/" + id, VIEWER, null).body());
    }

    private List<String> learningItems() throws Exception {
        List<String> ids = new ArrayList<>();
        json.readTree(call("GET", "/api/learning/action-items", VIEWER, null).body())
                .forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> kinds(JsonNode postmortem) {
        List<String> kinds = new ArrayList<>();
        postmortem.get("timeline").forEach(entry -> kinds.add(entry.get("kind").asString()));
        return kinds;
    }

    private static List<String> descriptions(JsonNode postmortem, String kind) {
        List<String> found = new ArrayList<>();
        postmortem.get("timeline").forEach(entry -> {
            if (entry.get("kind").asString().equals(kind)) {
                found.add(entry.get("description").asString());
            }
        });
        return found;
    }

    private static String text(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String topic(Object event) {
        if (event instanceof SurveyAnswered) {
            return Topics.SURVEY_ANSWERED;
        }
        return event instanceof ClientMessageReceived ? Topics.CLIENT_MESSAGES : Topics.INCIDENT_UPDATED;
    }

    /** Answered ten days after detection, as a survey sent after the post-mortem is. */
    private static SurveyAnswered answer(UUID incidentId, String clientId, String contactId, String name,
                                         int handling, int communication, boolean questionsAnswered, String comment) {
        Instant at = Scenario.T.plus(Duration.ofDays(10)).plusSeconds(clientId.hashCode() & 0xff);
        return SurveyAnswered.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at)
                .setProducer("notification-service").setIncidentId(incidentId).setClientId(clientId)
                .setContactId(contactId).setContactName(name).setLanguage("fr").setHandlingRating(handling)
                .setCommunicationRating(communication).setQuestionsAnswered(questionsAnswered).setComment(comment)
                .setAnsweredAt(at).build();
    }

    private static ClientMessageReceived question(UUID incidentId) {
        Instant at = Scenario.T.plus(Duration.ofHours(2));
        return ClientMessageReceived.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at)
                .setProducer("notification-service").setIncidentId(incidentId).setMessageId(UUID.randomUUID())
                .setClientId("client-a").setContactId("jm").setContactName("Jeanne Martin").setLanguage("fr")
                .setVia(ClientMessageChannel.QUESTION_PAGE)
                .setText("Nos données personnelles sont-elles concernées ?").setReceivedAt(at).build();
    }

    private static IncidentUpdated.Builder update(UUID incidentId, UpdateKind kind, String message) {
        return IncidentUpdated.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Scenario.T.plus(Duration.ofHours(2).plusMinutes(30))).setProducer("case-service")
                .setIncidentId(incidentId).setKind(kind).setActor("carol").setStatus(IncidentStatus.IN_PROGRESS)
                .setSeverity(Severity.CRITICAL).setMessage(message);
    }
}
