package io.vigie.notification.survey;

import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentClosed;
import io.vigie.events.ResponseMetrics;
import io.vigie.events.SurveyAnswered;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.ack.AckLinks;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.wording.LanguageCheck;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One incident closed for two clients: three contacts reading French, English and German by email, and one reached
 * out of band by SMS. Each gets the FOLLOW_UP with their own survey link and answers (or fails to) in their language.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurveyIT extends NotificationIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://vigie\\.test/survey\\?t=([A-Za-z0-9_.-]+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private KafkaConsumer<String, Object> answers;
    private UUID incidentId;
    private String clientId;
    private String oobClientId;
    private Contact oob;

    @Autowired
    AckLinks ackLinks;

    @BeforeAll
    void closeAnIncidentTheContactsWereToldAbout() throws Exception {
        answers = consumer(Topics.SURVEY_ANSWERED);
        clientId = unique("survey");
        oobClientId = unique("survey-oob");
        List<Contact> readers = List.of(contact(clientId, "jeanne", "fr", false), contact(clientId, "john", "en", false),
                contact(clientId, "jutta", "de", false));
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, readers.toArray(Contact[]::new));
        oob = contact(oobClientId, "odile", "fr", true);
        client(oobClientId, Severity.LOW, List.of(Channel.EMAIL, Channel.SMS), true, oob);
        incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.PHISHING, clientId, oobClientId).build());
        for (Contact contact : readers) {
            awaitMails(contact.email(), 1);
        }
        // A contact who joined after the incident was told: not asked about an incident they never heard of.
        List<Contact> withNewcomer = new ArrayList<>(readers);
        withNewcomer.add(contact(clientId, "newcomer", "en", false));
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, withNewcomer.toArray(Contact[]::new));

        publish(Topics.INCIDENT_CLOSED, incidentId.toString(), closed());
        for (Contact contact : readers) {
            String[] followUp = parts(awaitMails(contact.email(), 2).get(1));
            Matcher link = LINK.matcher(followUp[0]);
            assertThat(link.find()).as(contact.language()).isTrue();
            // the HTML part links to the same page (its "=" escaped as "&#x3D;", which a browser reads as "=")
            assertThat(followUp[1]).as(contact.language()).contains("href=\"http://vigie.test/survey?t&#x3D;"
                    + link.group(1) + "\"");
            tokens.put(contact.id(), link.group(1));
        }
    }

    @AfterAll
    void closeConsumer() {
        answers.close();
    }

    @Test
    @Order(1)
    void shouldGiveEveryToldContactTheirOwnSurveyInTheirLanguage() throws Exception {
        assertThat(tokens.values()).doesNotHaveDuplicates();
        Map<String, String> questions = Map.of("fr", "Avons-nous répondu à toutes vos questions ?",
                "en", "Were all your questions answered?", "de", "Wurden alle Ihre Fragen beantwortet?");
        Map<String, String> scales = Map.of("fr", "1 – Très mauvais", "en", "1 – Very poor", "de", "1 – Sehr schlecht");
        for (String contactId : List.of("jeanne", "john", "jutta")) {
            String language = language(contactId);
            HttpResponse<String> page = get(tokens.get(contactId));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'"));
            assertThat(page.body()).contains("<html lang=\"" + language + "\">", questions.get(language),
                    scales.get(language), "<legend>", "<label for=\"handling-1\"><input type=\"radio\" "
                            + "id=\"handling-1\" name=\"handling\" value=\"1\" required>",
                    "name=\"communication\" value=\"5\"", "name=\"questionsAnswered\" value=\"no\"",
                    "<textarea id=\"comment\" name=\"comment\"");
            assertThat(LanguageCheck.foreignWords(page.body(), language)).as(language).isEmpty();
        }
        // out of band: the FOLLOW_UP text message carries the survey link instead of the acknowledgement link
        await().atMost(PATIENCE).until(() -> smsTo(oob.phone()).size() >= 2);
        assertThat(smsTo(oob.phone()).get(1).text()).contains("http://vigie.test/survey?t=").doesNotContain("/ack?");
        // the newcomer got no FOLLOW_UP
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery d JOIN notice n ON n.id = d.notice_id "
                + "WHERE n.incident_id = ? AND n.stage = 'FOLLOW_UP' AND d.contact_id = 'newcomer'", Integer.class,
                incidentId)).isZero();
    }

    @Test
    @Order(2)
    void shouldRecordOneAnswerPerContactAndPublishItOnce() throws Exception {
        String comment = "Quick work. <script>alert('x')</script>\nBut nobody called us back.";

        HttpResponse<String> first = post(tokens.get("john"), "2", "4", "no", comment);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Thank you, Contact john.", "2 – Poor", "4 – Good",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
        List<SurveyAnswered> published = awaitAnswers(1);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.getIncidentId()).isEqualTo(incidentId);
            assertThat(event.getClientId()).isEqualTo(clientId);
            assertThat(event.getContactId()).isEqualTo("john");
            assertThat(event.getContactName()).isEqualTo("Contact john");
            assertThat(event.getLanguage()).isEqualTo("en");
            assertThat(event.getHandlingRating()).isEqualTo(2);
            assertThat(event.getCommunicationRating()).isEqualTo(4);
            assertThat(event.getQuestionsAnswered()).isFalse();
            assertThat(event.getComment()).isEqualTo(comment);
            assertThat(event.getProducer()).isEqualTo("notification-service");
        });

        // a second answer, even a different one, changes nothing and publishes nothing
        HttpResponse<String> again = post(tokens.get("john"), "5", "5", "yes", "");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Already answered", "Only your first answer counts", "2 – Poor");
        assertThat(get(tokens.get("john")).body()).contains("Already answered").doesNotContain("<form");
        assertThat(jdbc.queryForList("SELECT handling_rating FROM survey_answer WHERE incident_id = ? "
                + "AND contact_id = 'john'", Integer.class, incidentId)).containsExactly(2);
        // the outbox publishes within 200 ms: two seconds without a new event on the topic mean there is none
        List<SurveyAnswered> later = new ArrayList<>();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> {
            answers.poll(Duration.ofMillis(100)).forEach(record -> later.add((SurveyAnswered) record.value()));
            return later.stream().noneMatch(event -> event.getIncidentId().equals(incidentId));
        });

        // CSAT for Grafana: the ratings per client and aspect, and the answers saying questions were left open
        String metrics = send("GET", "/actuator/prometheus", null, null).body();
        assertThat(value(metrics, "vigie_notification_survey_rating_bucket{", "aspect=\"handling\"", "le=\"2.0\""))
                .isEqualTo(1.0);
        assertThat(value(metrics, "vigie_notification_survey_rating_bucket{", "aspect=\"communication\"",
                "le=\"3.0\"")).isEqualTo(0.0);
        assertThat(value(metrics, "vigie_notification_survey_answers_total{", "questions_answered=\"no\""))
                .isEqualTo(1.0);
    }

    @Test
    @Order(3)
    void shouldShowWhatIsWrongInTheContactsLanguageAndRecordNothing() throws Exception {
        String tooLong = "é".repeat(SurveyController.COMMENT_LIMIT + 1);

        HttpResponse<String> invalid = post(tokens.get("jeanne"), "7", null, "peut-être", tooLong);

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("<html lang=\"fr\">", "Merci de choisir une note de 1 à 5.",
                "Merci de répondre par oui ou par non.", "Votre commentaire est trop long",
                "rien n&#39;a encore été enregistré", "aria-invalid=\"true\"", tooLong);
        assertThat(LanguageCheck.foreignWords(invalid.body(), "fr")).isEmpty();
        assertThat(answersOf("jeanne")).isZero();

        HttpResponse<String> valid = post(tokens.get("jeanne"), "5", "4", "yes", "  ");
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.body()).contains("Merci, Contact jeanne.", "5 – Excellent", "4 – Bon", "Aucun commentaire.");
        assertThat(jdbc.queryForList("SELECT comment FROM survey_answer WHERE incident_id = ? AND contact_id = "
                + "'jeanne'", String.class, incidentId)).containsExactly((String) null);
    }

    @Test
    @Order(4)
    void shouldRefuseExpiredAndTamperedLinksAndRecordNothing() throws Exception {
        UUID followUp = UUID.fromString(tokens.get("jutta").substring(0, 36));
        String expired = token(ackLinks.url(AckLinks.SURVEY, followUp, "jutta", Duration.ofMinutes(-1)));

        HttpResponse<String> gone = post(expired, "4", "4", "yes", "");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("<html lang=\"de\">", "Link abgelaufen", "es wurde nichts gespeichert");
        assertThat(get(expired).statusCode()).isEqualTo(410);

        String[] parts = tokens.get("jutta").split("\\.");
        String otherContact = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("jeanne".getBytes(StandardCharsets.UTF_8)) + "." + parts[2] + "." + parts[3];
        String ackLink = token(ackLinks.ackUrl(followUp, "jutta"));
        for (String refused : List.of(otherContact, ackLink, "garbage")) {
            HttpResponse<String> response = post(refused, "4", "4", "yes", "");
            assertThat(response.statusCode()).as(refused).isEqualTo(400);
            assertThat(response.body()).contains("Ungültiger Link", "Invalid link", "Lien invalide")
                    .doesNotContain("Exception");
        }
        assertThat(answersOf("jutta")).isZero();
    }

    @Test
    @Order(5)
    void shouldSendNoSurveyAboutAnIncidentTheClientWasNeverToldOf() throws Exception {
        String untold = unique("survey-untold");
        client(untold, Severity.LOW, List.of(Channel.EMAIL), false, contact(untold, "ursula", "en", false));
        UUID internal = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, internal.toString(),
                opened(internal, IncidentCategory.PHISHING, untold).setNotifyClients(false).build());
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM incident WHERE id = ?",
                Integer.class, internal) == 1);
        IncidentClosed closure = IncidentClosed.newBuilder(closed()).setEventId(UUID.randomUUID())
                .setIncidentId(internal).setAffectedClientIds(List.of(untold)).build();

        publish(Topics.INCIDENT_CLOSED, internal.toString(), closure);

        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM processed_event "
                + "WHERE event_id = ?", Integer.class, closure.getEventId()) == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE incident_id = ?", Integer.class, internal))
                .isZero();
    }

    private IncidentClosed closed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return IncidentClosed.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("postmortem-service")
                .setIncidentId(incidentId).setPostmortemId(UUID.randomUUID()).setApprovedBy("manager")
                .setApprovedAt(now).setRootCause("internal").setLessonsLearned(List.of("internal lesson"))
                .setMetrics(ResponseMetrics.newBuilder().build()).setClientSummary("untagged summary")
                .setClientSummaries(Map.of("fr", "Nous filtrons désormais ces messages.",
                        "en", "We now filter such messages.", "de", "Wir filtern solche Nachrichten jetzt."))
                .setAffectedClientIds(List.of(clientId, oobClientId)).build();
    }

    private static String language(String contactId) {
        return switch (contactId) {
            case "jeanne" -> "fr";
            case "jutta" -> "de";
            default -> "en";
        };
    }

    private int answersOf(String contactId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM survey_answer WHERE incident_id = ? AND contact_id = ?",
                Integer.class, incidentId, contactId);
    }

    /** The one sample of this test's client whose line has every part, as Prometheus scrapes it. */
    private double value(String metrics, String... parts) {
        List<String> lines = metrics.lines().filter(line -> line.contains("client=\"" + clientId + "\""))
                .filter(line -> List.of(parts).stream().allMatch(line::contains)).toList();
        assertThat(lines).as(String.join(" ", parts)).hasSize(1);
        return Double.parseDouble(lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1));
    }

    private List<SurveyAnswered> awaitAnswers(int count) {
        List<SurveyAnswered> received = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            for (ConsumerRecord<String, Object> record : answers.poll(Duration.ofMillis(200))) {
                if (record.value() instanceof SurveyAnswered answer && answer.getIncidentId().equals(incidentId)) {
                    received.add(answer);
                }
            }
            return received.size() >= count;
        });
        return received;
    }

    private static KafkaConsumer<String, Object> consumer(String topic) {
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", INFRASTRUCTURE.schemaRegistryUrl(),
                "specific.avro.reader", "true"), false);
        KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRASTRUCTURE.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "survey-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static String token(String url) {
        return url.substring(url.indexOf("?t=") + 3);
    }

    private HttpResponse<String> get(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/survey?t=" + token)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String handling, String communication, String questions,
                                      String comment) throws Exception {
        StringBuilder form = new StringBuilder("t=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("handling", handling);
        fields.put("communication", communication);
        fields.put("questionsAnswered", questions);
        fields.put("comment", comment);
        fields.forEach((name, value) -> {
            if (value != null) {
                form.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/survey"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
