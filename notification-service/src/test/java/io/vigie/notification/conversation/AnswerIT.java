package io.vigie.notification.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.NoticeStage;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.wording.LanguageCheck;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Answers going back, read from the real emails: to the contact who asked only, in their language, in the incident's
 * thread (and in reply to their own email when they wrote by email), once however often the event comes; a call marks
 * the question answered and sends nothing. Neither ever sends an UPDATE or moves the update schedule.
 */
class AnswerIT extends NotificationIntegrationTest {

    @Autowired
    ClientMessages messages;
    @Autowired
    MeterRegistry meters;

    @Test
    void shouldSendTheAnswerToTheContactWhoAskedInTheirLanguageInTheThreadOnce() throws Exception {
        // given a client with a French and an English contact, told about an incident; the French one asked
        String clientId = unique("answer");
        Told told = tell(clientId, contact(clientId, "jm", "fr", false), contact(clientId, "kv", "en", false));
        String jm = "jm@" + clientId + ".test";
        String kv = "kv@" + clientId + ".test";
        MimeMessage initial = awaitMails(jm, 1).get(0);
        awaitMails(kv, 1);
        Timestamp nextUpdate = nextUpdateAt(told);
        ClientMessage question = ask(told, "jm", "fr", "QUESTION_PAGE", null,
                "Faut-il changer les mots de passe ?\nEt ceux de nos prestataires ?");

        // when a communications user answers it, and the event is delivered again and replayed
        IncidentUpdated answer = answered(told, question.id(), "jm",
                Map.of("fr", "Oui, pour tous les comptes qui se sont connectés au webmail depuis lundi."));
        publish(Topics.INCIDENT_UPDATED, told.key(), answer);
        publish(Topics.INCIDENT_UPDATED, told.key(), answer);
        publish(Topics.INCIDENT_UPDATED, told.key(), IncidentUpdated.newBuilder(answer)
                .setEventId(UUID.randomUUID()).build());

        // then one email to the contact who asked: in French, threaded, their question quoted, the answer, what next
        ClientNotified sent = awaitClientNotified(told.incidentId(),
                events -> events.stream().anyMatch(AnswerIT::answerSent))
                .stream().filter(AnswerIT::answerSent).findFirst().orElseThrow();
        assertThat(sent.getContactId()).isEqualTo("jm");
        assertThat(sent.getAnswersMessageId()).isEqualTo(question.id());
        assertThat(sent.getChannel()).isEqualTo(io.vigie.events.Channel.EMAIL);
        MimeMessage mail = awaitMails(jm, 2).get(1);
        String text = parts(mail)[0].replace("\r\n", "\n");
        assertThat(mail.getSubject()).startsWith("Réponse : ").endsWith(initial.getSubject());
        assertThat(mail.getHeader("In-Reply-To")).containsExactly(initial.getMessageID());
        assertThat(mail.getHeader("References")).containsExactly(initial.getMessageID());
        assertThat(text).contains("VOTRE QUESTION", "vous nous avez écrit :",
                "> Faut-il changer les mots de passe ?\n> Et ceux de nos prestataires ?",
                "NOTRE RÉPONSE\nOui, pour tous les comptes qui se sont connectés au webmail depuis lundi.",
                "Date de résolution estimée : 1 mars 2030", "Notre prochain point vous parviendra au plus tard le",
                "http://vigie.test/question?t=", "http://vigie.test/ack?t=");
        assertThat(LanguageCheck.foreignWords(mail.getSubject() + text + parts(mail)[1], "fr")).isEmpty();
        // the question is answered, by this notice
        assertThat(jdbc.queryForMap("SELECT answered_via, answered_by, answer_text, answer_notice_id "
                + "FROM client_message WHERE id = ?", question.id())).containsEntry("answered_via", "NOTICE")
                .containsEntry("answered_by", "comms-user").containsEntry("answer_notice_id", sent.getNoticeId());
        // the answer was no UPDATE and did not move the update schedule
        assertThat(stages(told)).containsExactly("ANSWER", "INITIAL");
        assertThat(nextUpdateAt(told)).isEqualTo(nextUpdate);

        // and nothing else: an analyst's update afterwards reaches both contacts, and it is each one's next email
        publish(Topics.INCIDENT_UPDATED, told.key(), update(told, Map.of("fr", "Point d'étape.", "en", "Progress.")));
        awaitMails(kv, 2);
        awaitMails(jm, 3);
        assertThat(mailsTo(jm)).hasSize(3).last().satisfies(last ->
                assertThat(last.getSubject()).startsWith("Mise à jour : "));
        assertThat(mailsTo(kv)).hasSize(2).allSatisfy(english ->
                assertThat(parts(english)[0]).doesNotContain("Oui, pour tous les comptes"));
        // the replays, handled before that update, added no second answer
        assertThat(stages(told)).containsExactly("ANSWER", "INITIAL", "UPDATE");
    }

    @Test
    void shouldAnswerAnEmailInReplyToItInTheContactsLanguageOnly() throws Exception {
        String clientId = unique("answer");
        Told told = tell(clientId, contact(clientId, "kv", "de", false));
        String kv = "kv@" + clientId + ".test";
        MimeMessage initial = awaitMails(kv, 1).get(0);
        Timestamp nextUpdate = nextUpdateAt(told);
        String replyId = "<reply-" + UUID.randomUUID() + "@" + told.clientId() + ".test>";
        ClientMessage question = ask(told, "kv", "de", "EMAIL_REPLY", replyId, "Müssen wir die Polizei einschalten?");
        // whatever the way in, the communications mailbox is told
        assertThat(QuestionIT.text(QuestionIT.awaitCommsAlerts(told.incidentId(), 1).get(0)))
                .contains("as a reply to a notice email", "Müssen wir die Polizei einschalten?", "in German");

        // an answer written in English only is refused: a German contact reads German or nothing
        double refused = meters.counter("vigie.notification.answers", "outcome", "refused").count();
        publish(Topics.INCIDENT_UPDATED, told.key(), answered(told, question.id(), "kv",
                Map.of("en", "Yes, please file a complaint.")));
        await().atMost(PATIENCE).until(() ->
                meters.counter("vigie.notification.answers", "outcome", "refused").count() > refused);
        assertThat(stages(told)).containsExactly("INITIAL");
        assertThat(messages.find(question.id()).orElseThrow().answered()).isFalse();

        // the answer in German goes out, in reply to the contact's own email and in the incident's thread
        publish(Topics.INCIDENT_UPDATED, told.key(), answered(told, question.id(), "kv",
                Map.of("de", "Ja, bitte erstatten Sie Anzeige; wir stellen Ihnen die Beweise zusammen.")));
        MimeMessage mail = awaitMails(kv, 2).get(1);
        assertThat(mail.getHeader("In-Reply-To")).containsExactly(replyId);
        assertThat(mail.getHeader("References")).containsExactly(initial.getMessageID() + " " + replyId);
        assertThat(parts(mail)[0]).contains("> Müssen wir die Polizei einschalten?",
                "Ja, bitte erstatten Sie Anzeige; wir stellen Ihnen die Beweise zusammen.");
        assertThat(nextUpdateAt(told)).isEqualTo(nextUpdate);
    }

    @Test
    void shouldMarkAQuestionAnsweredOnThePhoneAndSendNothing() throws Exception {
        String clientId = unique("answer");
        Told told = tell(clientId, contact(clientId, "jm", "fr", false));
        awaitMails("jm@" + clientId + ".test", 1);
        Timestamp nextUpdate = nextUpdateAt(told);
        ClientMessage question = ask(told, "jm", "fr", "QUESTION_PAGE", null, "Pouvez-vous nous appeler ?");

        publish(Topics.INCIDENT_UPDATED, told.key(), IncidentUpdated.newBuilder(answered(told, question.id(), "jm",
                        Map.of())).setKind(UpdateKind.CLIENT_CALL)
                .setMessage("Appelé Jeanne Martin : réinitialisation expliquée, aucune autre question.").build());

        await().atMost(PATIENCE).until(() -> messages.find(question.id()).orElseThrow().answered());
        ClientMessage answered = messages.find(question.id()).orElseThrow();
        assertThat(answered.answer().via()).isEqualTo("PHONE");
        assertThat(answered.answer().text())
                .isEqualTo("Appelé Jeanne Martin : réinitialisation expliquée, aucune autre question.");
        assertThat(answered.answer().noticeId()).isNull();
        // the call's transaction committed: no notice came of it, so nothing can be sent; the schedule stays
        assertThat(stages(told)).containsExactly("INITIAL");
        assertThat(nextUpdateAt(told)).isEqualTo(nextUpdate);
        assertThat(mailsTo("jm@" + told.clientId() + ".test")).hasSize(1);
    }

    private record Told(String clientId, UUID incidentId) {
        String key() {
            return incidentId.toString();
        }
    }

    /** A client with these contacts, told about a new incident by email. */
    private Told tell(String clientId, Contact... contacts) throws Exception {
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contacts);
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.ACCOUNT_COMPROMISE, clientId).build());
        return new Told(clientId, incidentId);
    }

    private static boolean answerSent(ClientNotified event) {
        return event.getStage() == NoticeStage.ANSWER && event.getOutcome() == DeliveryOutcome.SENT;
    }

    private ClientMessage ask(Told told, String contactId, String language, String via, String externalId,
                              String text) {
        return messages.receive(ClientMessage.received(told.incidentId(),
                new ClientMessage.Author(told.clientId(), contactId, "Contact " + contactId, language), text,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), new ClientMessage.Origin(via, null, externalId, null,
                        null))).message();
    }

    private static IncidentUpdated answered(Told told, UUID messageId, String contactId, Map<String, String> texts) {
        return IncidentUpdated.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setProducer("case-service")
                .setIncidentId(told.incidentId()).setKind(UpdateKind.CLIENT_ANSWERED).setActor("comms-user")
                .setStatus(IncidentStatus.IN_PROGRESS).setSeverity(io.vigie.events.Severity.MEDIUM)
                .setMessage("Answered the client's question").setNotifyClients(false).setClientMessages(texts)
                .setAnsweredMessageId(messageId).setClientId(told.clientId()).setContactId(contactId).build();
    }

    private static IncidentUpdated update(Told told, Map<String, String> texts) {
        return IncidentUpdated.newBuilder(answered(told, null, null, texts)).setKind(UpdateKind.CLIENT_UPDATE)
                .setNotifyClients(true).setAnsweredMessageId(null).setClientId(null).setContactId(null)
                .setActor("analyst").build();
    }

    private List<String> stages(Told told) {
        return jdbc.queryForList("SELECT stage FROM notice WHERE incident_id = ? ORDER BY stage", String.class,
                told.incidentId());
    }

    private Timestamp nextUpdateAt(Told told) {
        return jdbc.queryForObject("SELECT next_update_at FROM incident_client WHERE incident_id = ? "
                + "AND client_id = ?", Timestamp.class, told.incidentId(), told.clientId());
    }
}
