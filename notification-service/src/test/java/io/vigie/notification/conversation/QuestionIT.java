package io.vigie.notification.conversation;

import io.vigie.events.ClientMessageChannel;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.ack.AckLinks;
import io.vigie.notification.ack.SignedLinks;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.incident.Severity;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "I have a question" link of a notice, read from the real email and followed like a browser: the page in the
 * contact's language, the question on Kafka once however often the form is sent, the communications mailbox told;
 * bad input and bad links store nothing.
 */
class QuestionIT extends NotificationIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://vigie\\.test/question\\?t=(\\S+)");
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([0-9a-f-]{36})\"");
    private static final String COMMS = "comms@vigie.test";

    private static KafkaConsumer<String, Object> consumer;
    private static final List<ClientMessageReceived> received = new CopyOnWriteArrayList<>();

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    AckLinks links;

    @BeforeAll
    static void readClientMessages() {
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", INFRASTRUCTURE.schemaRegistryUrl(),
                "specific.avro.reader", "true"), false);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRASTRUCTURE.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "question-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values);
        consumer.subscribe(List.of(Topics.CLIENT_MESSAGES));
    }

    @AfterAll
    static void closeConsumer() {
        consumer.close();
        received.clear();
    }

    @Test
    void shouldTakeAQuestionInTheContactsLanguageOnceAndTellTheCommunicationsMailbox() throws Exception {
        // given a French contact told about an incident: the notice offers the question link in French
        Told told = tell("fr");
        assertThat(told.text()).contains("Vous avez une question ? Posez-la-nous ici : http://vigie.test/question?t=");
        assertThat(told.html()).contains(">J'ai une question</a>");

        // when the contact opens it: the page is in French, names the notice and says the limit
        HttpResponse<String> page = get(told.token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\">", "<h1>Votre question</h1>",
                "Au sujet de notre message : " + told.subject(), "maxlength=\"4000\"", "4000 caractères au maximum.",
                "Envoyer ma question").doesNotContain("Your question", "Ihre Frage");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self';", "form-action 'self'"));
        String nonce = nonce(page.body());

        // and sends the form twice (a double click), then a second question from a fresh form
        String question = "Faut-il changer les mots de passe de nos prestataires ?\n"
                + "Et <b>tous</b> nos comptes & accès ?";
        HttpResponse<String> thanks = post(told.token(), nonce, question);
        HttpResponse<String> again = post(told.token(), nonce, question);
        HttpResponse<String> second = post(told.token(), nonce(get(told.token()).body()), "Et nos sauvegardes ?");

        // then: a thank-you page in French saying how the answer comes, the question shown escaped
        for (HttpResponse<String> response : List.of(thanks, again)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Merci, votre question a bien été envoyée",
                    "Vous recevrez la réponse par e-mail.",
                    "Et &lt;b&gt;tous&lt;/b&gt; nos comptes &amp; accès ?").doesNotContain("<b>tous</b>");
        }
        assertThat(second.statusCode()).isEqualTo(200);
        // two questions on Kafka, in order, not three: the double click stored one
        List<ClientMessageReceived> events = awaitClientMessages(told.incidentId(), 2);
        assertThat(events).extracting(ClientMessageReceived::getText).containsExactly(question, "Et nos sauvegardes ?");
        ClientMessageReceived first = events.get(0);
        assertThat(first.getClientId()).isEqualTo(told.clientId());
        assertThat(first.getContactId()).isEqualTo("jm");
        assertThat(first.getContactName()).isEqualTo("Contact jm");
        assertThat(first.getLanguage()).isEqualTo("fr");
        assertThat(first.getVia()).isEqualTo(ClientMessageChannel.QUESTION_PAGE);
        assertThat(first.getAboutNoticeId()).isEqualTo(UUID.fromString(told.token().substring(0, 36)));
        assertThat(first.getProducer()).isEqualTo("notification-service");
        assertThat(jdbc.queryForList("SELECT id FROM client_message WHERE incident_id = ? ORDER BY received_at",
                UUID.class, told.incidentId())).hasSize(2).first().isEqualTo(first.getMessageId());

        // and the communications mailbox is told of each, in English (the SOC's language), with a link to the case
        List<MimeMessage> alerts = awaitCommsAlerts(told.incidentId(), 2);
        String ref = told.incidentId().toString().substring(0, 8).toUpperCase();
        MimeMessage alert = alerts.stream().filter(mail -> !text(mail).contains("Et nos sauvegardes ?"))
                .findFirst().orElseThrow();
        assertThat(alert.getSubject()).isEqualTo("Question from Client " + told.clientId() + " about incident " + ref);
        assertThat(text(alert)).contains("Contact jm (Client " + told.clientId() + ") wrote to the SOC about incident "
                        + ref + ". Please answer from the case, in French.",
                "Client: Client " + told.clientId() + " (" + told.clientId() + ")", "Contact: Contact jm (jm)",
                "Incident: " + ref + " (" + told.incidentId() + ")", "through the question page of a notice",
                question, "Open the case: http://127.0.0.1:8084/dashboard/cases/" + told.incidentId());
    }

    @Test
    void shouldGiveTheFormBackWithTheReasonAndStoreNothingForAnEmptyOrOverlongQuestion() throws Exception {
        Told told = tell("de");
        String nonce = nonce(get(told.token()).body());

        HttpResponse<String> empty = post(told.token(), nonce, "  \n ");
        HttpResponse<String> tooLong = post(told.token(), nonce, "<script>alert(1)</script>" + "x".repeat(4000));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("<html lang=\"de\">", "Bitte schreiben Sie Ihre Frage, bevor Sie sie senden.",
                "name=\"nonce\" value=\"" + nonce + "\"");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Ihre Frage ist zu lang: 4025 Zeichen, höchstens 4000 sind möglich.",
                "&lt;script&gt;alert(1)&lt;/script&gt;xxx").doesNotContain("<script>");
        assertThat(storedFor(told.incidentId())).isZero();

        // exactly at the limit, with an invisible control character a browser may send: taken (and cleaned)
        HttpResponse<String> atLimit = post(told.token(), nonce, "y".repeat(3999) + "\u0000?");
        assertThat(atLimit.statusCode()).isEqualTo(200);
        assertThat(atLimit.body()).contains("Vielen Dank, Ihre Frage wurde gesendet");
        assertThat(awaitClientMessages(told.incidentId(), 1).get(0).getText()).isEqualTo("y".repeat(3999) + "?");
    }

    @Test
    void shouldRefuseATamperedOrExpiredLinkAndStoreNothing() throws Exception {
        Told told = tell("fr");
        String[] parts = told.token().split("\\.");
        String otherContact = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("mallory".getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherContact + "." + parts[2] + "." + parts[3];
        UUID noticeId = UUID.fromString(parts[0]);
        String ackLink = SignedLinks.token(links, AckLinks.ACK, noticeId, "jm", Instant.now().plus(Duration.ofDays(1)));
        String expired = SignedLinks.token(links, AckLinks.QUESTION, noticeId, "jm", Instant.now().minusSeconds(60));
        String nonce = UUID.randomUUID().toString();

        // a tampered link says nothing about its reader: the page speaks the browser's language
        HttpResponse<String> forged = post(tampered, nonce, "Donnez-moi les données d'un autre client",
                "de-DE,de;q=0.9");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("<html lang=\"de\">", "Dieser Link ist ungültig",
                "Es wurde nichts gespeichert.");
        assertThat(get(tampered).statusCode()).isEqualTo(400);
        // an acknowledgement link does not open the question page, nor does a form without our nonce
        assertThat(post(ackLink, nonce, "Bonjour").statusCode()).isEqualTo(400);
        assertThat(post(told.token(), "not-a-nonce", "Bonjour").statusCode()).isEqualTo(400);
        // an expired link is still the contact's: refused in their language
        HttpResponse<String> late = post(expired, nonce, "Bonjour");
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("<html lang=\"fr\">", "Ce lien a expiré le",
                "Rien n&#39;a été enregistré.", "soc@vigie.local");
        assertThat(get(expired).statusCode()).isEqualTo(410);

        assertThat(storedFor(told.incidentId())).isZero();
    }

    private record Told(String clientId, UUID incidentId, String token, String subject, String text, String html) {
    }

    /** A client whose one contact, jm, reads {@code language}, told about a new incident by email. */
    private Told tell(String language) throws Exception {
        String clientId = unique("question");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "jm", language, false));
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.DATA_BREACH, clientId).build());
        MimeMessage mail = awaitMails("jm@" + clientId + ".test", 1).get(0);
        // the page names the notice by the subject its delivery recorded as sent
        awaitClientNotified(incidentId, events -> events.stream()
                .anyMatch(event -> event.getOutcome() == io.vigie.events.DeliveryOutcome.SENT));
        String[] parts = parts(mail);
        Matcher link = LINK.matcher(parts[0]);
        assertThat(link.find()).isTrue();
        return new Told(clientId, incidentId, link.group(1), mail.getSubject(), parts[0], parts[1]);
    }

    private long storedFor(UUID incidentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM client_message WHERE incident_id = ?", Long.class,
                incidentId);
    }

    private static List<ClientMessageReceived> awaitClientMessages(UUID incidentId, int count) {
        await().atMost(PATIENCE).until(() -> {
            for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
                received.add((ClientMessageReceived) record.value());
            }
            return messagesOf(incidentId).size() >= count;
        });
        return messagesOf(incidentId);
    }

    private static List<ClientMessageReceived> messagesOf(UUID incidentId) {
        return received.stream().filter(event -> event.getIncidentId().equals(incidentId)).toList();
    }

    static List<MimeMessage> awaitCommsAlerts(UUID incidentId, int count) {
        await().atMost(PATIENCE).until(() -> commsAlerts(incidentId).size() >= count);
        return commsAlerts(incidentId);
    }

    private static List<MimeMessage> commsAlerts(UUID incidentId) {
        return mailsTo(COMMS).stream().filter(mail -> {
            try {
                String[] incident = mail.getHeader("X-Vigie-Incident-Id");
                return incident != null && Arrays.asList(incident).contains(incidentId.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String text(MimeMessage mail) {
        try {
            // (mail lines end in CRLF on the wire)
            return String.valueOf(mail.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nonce(String page) {
        Matcher nonce = NONCE.matcher(page);
        assertThat(nonce.find()).as("the form's nonce").isTrue();
        return nonce.group(1);
    }

    private HttpResponse<String> get(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/question?t=" + token))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String nonce, String text) throws Exception {
        return post(token, nonce, text, "en");
    }

    private HttpResponse<String> post(String token, String nonce, String text, String acceptLanguage)
            throws Exception {
        String form = "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&nonce="
                + URLEncoder.encode(nonce, StandardCharsets.UTF_8) + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/question"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", acceptLanguage)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
