package io.vigie.cases.incident;

import io.vigie.cases.CaseServiceTestBase;
import io.vigie.events.Channel;
import io.vigie.events.ClientMessageChannel;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.NoticeStage;
import io.vigie.events.Severity;
import io.vigie.events.SurveyAnswered;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The client's side of the conversation: their messages on the case, the answers, the calls, through the API. */
public class ClientConversationIT extends CaseServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NOTE = "{\"text\":\"Checked the payroll exports\"}";

    @Test
    void shouldPutAClientQuestionOnTheTimelineWithItsAnswerClockAndRecordItOnce() throws Exception {
        // given a HIGH incident
        UUID incidentId = openIncident(Severity.HIGH, "Payroll mailbox takeover", "acme");
        Instant receivedAt = clock.instant().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        ClientMessageReceived question = ClientMessageReceived.newBuilder(message(incidentId, "acme", "fr",
                "Nos fiches de paie sont-elles touchées ? <script>alert(1)</script>\u0000")).setReceivedAt(receivedAt)
                .build();

        // when the contact asks a question, which is delivered twice, and reported again under another event id
        publish(Topics.CLIENT_MESSAGES, incidentId.toString(), question);
        publish(Topics.CLIENT_MESSAGES, incidentId.toString(), question);
        publish(Topics.CLIENT_MESSAGES, incidentId.toString(), ClientMessageReceived.newBuilder(question)
                .setEventId(UUID.randomUUID()).build());
        ClientMessageReceived reply = ClientMessageReceived.newBuilder(message(incidentId, "acme", "en",
                        "Thanks, and what about our VPN?")).setVia(ClientMessageChannel.EMAIL_REPLY)
                .setEvidenceSha256("ab".repeat(32)).setAttachedBy("marie").build();
        publish(Topics.CLIENT_MESSAGES, incidentId.toString(), reply);
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) >= 3);

        // then each message is on the timeline once, hash-chained, in the client's words
        JsonNode timeline = JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline").body());
        assertThat(timeline.size()).isEqualTo(3);
        assertThat(timeline.get(1).get("type").asString()).isEqualTo("CLIENT_MESSAGE");
        assertThat(timeline.get(1).get("actor").asString()).isEqualTo("notification-service");
        assertThat(Instant.parse(timeline.get(1).get("occurredAt").asString())).isEqualTo(receivedAt);
        assertThat(timeline.get(1).get("content").asString())
                .startsWith("Question from Jeanne Martin (acme) via the question page, in fr (message "
                        + question.getMessageId() + "):\n")
                .endsWith("Nos fiches de paie sont-elles touchées ? <script>alert(1)</script>");
        assertThat(timeline.get(2).get("content").asString())
                .startsWith("Reply from Jeanne Martin (acme) by email, in en; original kept as evidence, SHA-256 "
                        + "ab".repeat(32) + "; attached to the incident by marie from quarantine");
        assertThat(get("viewer", "/api/cases/" + incidentId + "/timeline/verification").body())
                .contains("\"intact\":true");

        // and each waits for its answer, its clock counting from its receipt
        JsonNode details = JSON.readTree(get("viewer", "/api/cases/" + incidentId).body());
        JsonNode first = details.get("clientQuestions").get(0);
        assertThat(details.get("clientQuestions").size()).isEqualTo(2);
        assertThat(first.get("messageId").asString()).isEqualTo(question.getMessageId().toString());
        assertThat(first.get("state").asString()).isEqualTo("UNANSWERED");
        assertThat(first.get("contactName").asString()).isEqualTo("Jeanne Martin");
        assertThat(first.get("language").asString()).isEqualTo("fr");
        assertThat(first.get("via").asString()).isEqualTo("QUESTION_PAGE");
        assertThat(first.get("answer").isNull()).isTrue();
        JsonNode clock = answerClock(details, question.getMessageId());
        assertThat(clock.get("state").asString()).isEqualTo("RUNNING");
        assertThat(Instant.parse(clock.get("start").asString())).isEqualTo(receivedAt);
        assertThat(Instant.parse(clock.get("deadline").asString())).isEqualTo(receivedAt.plus(Duration.ofHours(1)));
        assertThat(details.get("clientQuestions").get(1).get("attachedBy").asString()).isEqualTo("marie");
    }

    @Test
    void shouldAnswerAQuestionOnceInTheContactsLanguageOnlyForTheCommunicationsTeam() throws Exception {
        // given a German contact's question
        UUID incidentId = openIncident(Severity.MEDIUM, "Phishing wave", "globex");
        ClientMessageReceived question = message(incidentId, "globex", "de", "Müssen wir die Passwörter ändern?");
        publish(Topics.CLIENT_MESSAGES, incidentId.toString(), question);
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 2);
        String answer = "/api/cases/" + incidentId + "/messages/" + question.getMessageId() + "/answer";
        String body = "{\"text\": \"Ja, bitte ändern Sie die Passwörter der betroffenen Konten.\"}";

        // when others than the communications team try, with bad input, and the team answers, twice
        HttpResponse<String> byAnalyst = post("analyst", answer, body);
        HttpResponse<String> byViewer = post("viewer", answer, body);
        HttpResponse<String> blank = post("comms", answer, "{\"text\": \"  \"}");
        HttpResponse<String> tooLong = post("comms", answer, "{\"text\": \"" + "x".repeat(10_001) + "\"}");
        HttpResponse<String> unknown = post("comms", "/api/cases/" + incidentId + "/messages/" + UUID.randomUUID()
                + "/answer", body);
        HttpResponse<String> unknownIncident = post("comms", "/api/cases/" + UUID.randomUUID() + "/messages/"
                + question.getMessageId() + "/answer", body);
        HttpResponse<String> answered = post("comms", answer, body);
        HttpResponse<String> again = post("manager", answer, "{\"text\": \"Noch etwas.\"}");

        // then only the team may, once, with clear refusals
        for (HttpResponse<String> refused : List.of(byAnalyst, byViewer, blank, tooLong, unknown, unknownIncident,
                again)) {
            assertThat(refused.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
        }
        assertThat(byAnalyst.statusCode()).isEqualTo(403);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"field\":\"text\"");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"text\"");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Unknown client message");
        assertThat(unknownIncident.statusCode()).isEqualTo(404);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("was already answered by comms").contains("\"command\":\"ANSWER_CLIENT\"");

        // and the question is answered: the marker and its clock stop
        JsonNode details = JSON.readTree(answered.body());
        JsonNode q = details.get("clientQuestions").get(0);
        assertThat(q.get("state").asString()).isEqualTo("ANSWERED");
        assertThat(q.get("answer").get("by").asString()).isEqualTo("comms");
        assertThat(q.get("answer").get("byPhone").asBoolean()).isFalse();
        assertThat(answerClock(details, question.getMessageId()).get("state").asString()).isEqualTo("MET");
        assertThat(details.get("incident").get("status").asString()).isEqualTo("IN_PROGRESS");
        JsonNode timeline = JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline").body());
        assertThat(timeline.size()).isEqualTo(3);
        assertThat(timeline.get(2).get("type").asString()).isEqualTo("CLIENT_ANSWERED");
        assertThat(timeline.get(2).get("actor").asString()).isEqualTo("comms");
        assertThat(timeline.get(2).get("content").asString()).contains("in de;")
                .endsWith("Ja, bitte ändern Sie die Passwörter der betroffenen Konten.");

        // and notification-service is told once, to send it to that contact in German, no notice for the others
        post("analyst", "/api/cases/" + incidentId + "/notes", NOTE);
        List<IncidentUpdated> answers = awaitRecords(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.CLIENT_ANSWERED,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.NOTE);
        assertThat(answers).singleElement().satisfies(event -> {
            assertThat(event.getAnsweredMessageId()).isEqualTo(question.getMessageId());
            assertThat(event.getClientId()).isEqualTo("globex");
            assertThat(event.getContactId()).isEqualTo(question.getContactId());
            assertThat(event.getClientMessages()).containsExactlyEntriesOf(Map.of("de",
                    "Ja, bitte ändern Sie die Passwörter der betroffenen Konten."));
            assertThat(event.getNotifyClients()).isFalse();
            assertThat(event.getActor()).isEqualTo("comms");
        });

        // when its ANSWER notice is sent by email, then fails by SMS
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), answerNotice(incidentId, "globex",
                question.getMessageId(), DeliveryOutcome.SENT));
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), ClientNotified.newBuilder(answerNotice(incidentId,
                "globex", question.getMessageId(), DeliveryOutcome.FAILED)).setChannel(Channel.SMS).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 6);

        // then the answer reached the contact
        JsonNode delivered = JSON.readTree(get("viewer", "/api/cases/" + incidentId).body())
                .get("clientQuestions").get(0).get("answer");
        assertThat(delivered.get("delivery").asString()).isEqualTo("SENT");
        assertThat(JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline").body()).get(4)
                .get("content").asString()).contains("(answer to client message " + question.getMessageId() + ")");
    }

    @Test
    void shouldLogACallThatAnswersAQuestionByPhone() throws Exception {
        // given a question from acme's contact, five minutes ago
        UUID incidentId = openIncident(Severity.HIGH, "VPN brute force", "acme", "globex");
        Instant receivedAt = clock.instant().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        ClientMessageReceived question = ClientMessageReceived.newBuilder(message(incidentId, "acme", "en",
                "Should we block the VPN?")).setReceivedAt(receivedAt).build();
        publish(Topics.CLIENT_MESSAGES, incidentId.toString(), question);
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 2);
        String calls = "/api/cases/" + incidentId + "/calls";
        Instant at = receivedAt.plus(Duration.ofMinutes(2));
        String call = """
                {"clientId": "acme", "contact": "Jane Doe, CISO", "at": "%s",
                 "summary": "Told her to keep the VPN up; we block the sources.", "answersMessageId": "%s"}"""
                .formatted(at, question.getMessageId());

        // when a viewer tries, bad calls are posted, then an analyst logs the call and another one without a question
        HttpResponse<String> byViewer = post("viewer", calls, call);
        HttpResponse<String> future = post("analyst", calls, call.replace(at.toString(),
                clock.instant().plus(Duration.ofHours(1)).toString()));
        HttpResponse<String> otherClient = post("analyst", calls, call.replace("\"acme\"", "\"hooli\""));
        HttpResponse<String> notFromThem = post("analyst", calls, call.replace("\"acme\"", "\"globex\""));
        HttpResponse<String> unknownMessage = post("analyst", calls, call.replace(
                question.getMessageId().toString(), UUID.randomUUID().toString()));
        HttpResponse<String> noSummary = post("analyst", calls, """
                {"clientId": "acme", "contact": "Jane Doe", "summary": " "}""");
        HttpResponse<String> logged = post("analyst", calls, call);
        HttpResponse<String> plain = post("comms", calls, """
                {"clientId": "globex", "contact": "Max Weber", "summary": "Asked for the report by Friday."}""");

        // then the refusals name the field, and the question is answered by phone at the time of the call
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("\"field\":\"at\"");
        assertThat(otherClient.statusCode()).isEqualTo(400);
        assertThat(otherClient.body()).contains("\"field\":\"clientId\"").contains("\"allowed\":[\"acme\",\"globex\"]");
        assertThat(notFromThem.statusCode()).isEqualTo(400);
        assertThat(notFromThem.body()).contains("\"field\":\"answersMessageId\"");
        assertThat(unknownMessage.statusCode()).isEqualTo(400);
        assertThat(unknownMessage.body()).contains("\"field\":\"answersMessageId\"");
        assertThat(noSummary.statusCode()).isEqualTo(400);
        assertThat(noSummary.body()).contains("\"field\":\"summary\"");
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(200);
        assertThat(plain.statusCode()).isEqualTo(200);
        JsonNode details = JSON.readTree(plain.body());
        JsonNode q = details.get("clientQuestions").get(0);
        assertThat(q.get("state").asString()).isEqualTo("ANSWERED_BY_PHONE");
        assertThat(q.get("answer").get("by").asString()).isEqualTo("analyst");
        assertThat(Instant.parse(q.get("answer").get("at").asString())).isEqualTo(at);
        assertThat(answerClock(details, question.getMessageId()).get("state").asString()).isEqualTo("MET");
        JsonNode timeline = JSON.readTree(get("viewer", "/api/cases/" + incidentId + "/timeline").body());
        assertThat(timeline.size()).isEqualTo(4);
        assertThat(timeline.get(2).get("type").asString()).isEqualTo("CLIENT_CALL");
        assertThat(Instant.parse(timeline.get(2).get("occurredAt").asString())).isEqualTo(at);
        assertThat(timeline.get(2).get("content").asString())
                .startsWith("Phone call with Jane Doe, CISO (acme) at " + at + ":\nTold her to keep the VPN up")
                .endsWith("(message " + question.getMessageId() + ").");
        assertThat(post("comms", "/api/cases/" + incidentId + "/messages/" + question.getMessageId() + "/answer",
                "{\"text\": \"Keep it up.\"}").body()).contains("already answered by analyst").contains("by phone");

        // and the other services read both calls, for the record only
        post("analyst", "/api/cases/" + incidentId + "/notes", NOTE);
        List<IncidentUpdated> logs = awaitRecords(Topics.INCIDENT_UPDATED, IncidentUpdated.class,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.CLIENT_CALL,
                event -> event.getIncidentId().equals(incidentId) && event.getKind() == UpdateKind.NOTE);
        assertThat(logs).hasSize(2);
        assertThat(logs.get(0).getMessage()).isEqualTo("Told her to keep the VPN up; we block the sources.");
        assertThat(logs.get(0).getClientId()).isEqualTo("acme");
        assertThat(logs.get(0).getContactId()).isEqualTo(question.getContactId());
        assertThat(logs.get(0).getAnsweredMessageId()).isEqualTo(question.getMessageId());
        assertThat(logs.get(0).getActor()).isEqualTo("analyst");
        assertThat(logs).allSatisfy(event -> {
            assertThat(event.getNotifyClients()).isFalse();
            assertThat(event.getClientMessages()).isEmpty();
        });
        assertThat(logs.get(1).getClientId()).isEqualTo("globex");
        assertThat(logs.get(1).getAnsweredMessageId()).isNull();
        assertThat(logs.get(1).getContactId()).isNull();
    }

    @Test
    void shouldBreachAnUnansweredQuestionAndKeepItsResolvedCaseListedUntilItIsAnswered() throws Exception {
        // given a CRITICAL incident resolved while a client's question waits
        UUID incidentId = openIncident(Severity.CRITICAL, "Ransomware on the file server", "acme");
        ClientMessageReceived question = message(incidentId, "acme", "fr", "Quand nos fichiers reviennent-ils ?");
        publish(Topics.CLIENT_MESSAGES, incidentId.toString(), question);
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 2);
        assertThat(post("analyst", "/api/cases/" + incidentId + "/resolution",
                "{\"summary\": \"Restored from backup\", \"dataCompromised\": false}").statusCode()).isEqualTo(200);
        assertThat(get("viewer", "/api/cases").body()).as("work left: listed with the active cases")
                .contains(incidentId.toString());

        // when its 30 minutes pass
        clock.advance(Duration.ofMinutes(31));

        // then its clock is breached, and counted
        assertThat(answerClock(JSON.readTree(get("viewer", "/api/cases/" + incidentId).body()),
                question.getMessageId()).get("state").asString()).isEqualTo("BREACHED");
        assertThat(gauge("vigie_case_sla_breaches", "clock=\"ANSWER\"")).isGreaterThanOrEqualTo(1);

        // and answered late, after the resolution, the case is done with
        HttpResponse<String> late = post("comms", "/api/cases/" + incidentId + "/messages/" + question.getMessageId()
                + "/answer", "{\"text\": \"Vos fichiers sont restaurés depuis la sauvegarde.\"}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
        assertThat(answerClock(JSON.readTree(late.body()), question.getMessageId()).get("state").asString())
                .isEqualTo("BREACHED");
        assertThat(JSON.readTree(late.body()).get("incident").get("status").asString()).isEqualTo("RESOLVED");
        assertThat(get("viewer", "/api/cases").body()).doesNotContain(incidentId.toString());
    }

    private static JsonNode answerClock(JsonNode details, UUID messageId) {
        for (JsonNode clock : details.get("clocks")) {
            if (clock.get("kind").asString().equals("ANSWER") && !clock.get("messageId").isNull()
                    && clock.get("messageId").asString().equals(messageId.toString())) {
                return clock;
            }
        }
        throw new AssertionError("no answer clock for " + messageId + " in " + details);
    }

    /** The sum of a meter's samples that carry {@code label}. */
    private double gauge(String name, String label) throws Exception {
        return Arrays.stream(get(null, "/actuator/prometheus").body().split("\n"))
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** A question from the client's contact Jeanne Martin, asked on the question page just now. */
    public static ClientMessageReceived message(UUID incidentId, String client, String language, String text) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return ClientMessageReceived.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("notification-service")
                .setIncidentId(incidentId).setMessageId(UUID.randomUUID()).setClientId(client)
                .setContactId(client + "-jeanne").setContactName("Jeanne Martin").setLanguage(language)
                .setVia(ClientMessageChannel.QUESTION_PAGE).setText(text).setReceivedAt(now)
                .build();
    }

    /** A contact's answer to the satisfaction survey, just now. */
    public static SurveyAnswered survey(UUID incidentId, String client, String contact, int handling,
                                        int communication, boolean questionsAnswered, String comment) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return SurveyAnswered.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("notification-service")
                .setIncidentId(incidentId).setClientId(client).setContactId(client + "-" + contact)
                .setContactName(contact).setLanguage("fr").setHandlingRating(handling)
                .setCommunicationRating(communication).setQuestionsAnswered(questionsAnswered).setComment(comment)
                .setAnsweredAt(now)
                .build();
    }

    private static ClientNotified answerNotice(UUID incidentId, String client, UUID messageId,
                                               DeliveryOutcome outcome) {
        return ClientNotified.newBuilder(CaseProjectionIT.notice(incidentId, client, outcome, "de"))
                .setStage(NoticeStage.ANSWER).setAnswersMessageId(messageId).build();
    }
}
