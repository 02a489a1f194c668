package io.vigie.notification.replies;

import io.vigie.events.ClientMessageChannel;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.RepliesMailbox;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.replies.internal.ReplyInbox;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients' email replies, through the real mailboxes: the notice goes out over SMTP with its Reply-To, the reply is
 * put in the replies mailbox as the SOC's mail server would, and the service reads it over IMAP.
 */
class RepliesIT extends NotificationIntegrationTest {

    private static final RepliesMailbox MAILBOX = RepliesMailbox.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<ClientMessageReceived> received = new CopyOnWriteArrayList<>();
    private static KafkaConsumer<String, Object> consumer;

    private UUID incidentId;
    private String acme;
    private String globex;
    private String aliceReplyTo;
    private String aliceNoticeMessageId;
    private UUID aliceNoticeId;

    @BeforeEach
    void notifyTwoClients() throws Exception {
        acme = unique("acme");
        globex = unique("globex");
        client(acme, Severity.LOW, List.of(Channel.EMAIL), false, contact(acme, "alice", "en", false));
        client(globex, Severity.LOW, List.of(Channel.EMAIL), false, contact(globex, "bob", "fr", false));
        incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.PHISHING, acme, globex).build());
        MimeMessage notice = awaitMails(alice(), 1).get(0);
        aliceReplyTo = ((InternetAddress) notice.getReplyTo()[0]).getAddress();
        aliceNoticeMessageId = notice.getMessageID();
        aliceNoticeId = UUID.fromString(notice.getHeader("X-Vigie-Notice-Id")[0]);
        awaitMails(bob(), 1);
    }

    @AfterAll
    static void closeConsumer() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
        received.clear();
    }

    @Test
    void shouldGiveEveryNoticeASignedReplyToOfItsIncidentClientAndContact() throws Exception {
        String bobReplyTo = ((InternetAddress) mailsTo(bob()).get(0).getReplyTo()[0]).getAddress();

        assertThat(aliceReplyTo).matches("replies\\+[a-z2-7]{26}@soc\\.example");
        assertThat(bobReplyTo).matches("replies\\+[a-z2-7]{26}@soc\\.example").isNotEqualTo(aliceReplyTo);
    }

    @Test
    void shouldPutOnlyTheNewTextOfAReplyOnTheCaseAndKeepTheOriginal() throws Exception {
        MimeMessage reply = reply(alice(), aliceReplyTo, """
                Do we need to reset every password, or only the administrators'?
                -- \r
                Alice Martin, CISO

                On Thu, 15 Jan 2026 at 17:00, Vigie SOC <soc@vigie.local> wrote:
                > Dear Contact alice,
                > quoted notice text
                """);

        MAILBOX.deliver(reply);

        ClientMessageReceived message = awaitClientMessages(incidentId, 1).get(0);
        assertThat(message.getText()).isEqualTo("Do we need to reset every password, or only the administrators'?");
        assertThat(message.getVia()).isEqualTo(ClientMessageChannel.EMAIL_REPLY);
        assertThat(message.getClientId()).isEqualTo(acme);
        assertThat(message.getContactId()).isEqualTo("alice");
        assertThat(message.getContactName()).isEqualTo("Contact alice");
        assertThat(message.getLanguage()).isEqualTo("en");
        assertThat(message.getAboutNoticeId()).isEqualTo(aliceNoticeId);
        assertThat(message.getAttachedBy()).isNull();
        assertThat(message.getEvidenceSha256()).matches("[0-9a-f]{64}");
        // the original, whole, is the evidence its hash names
        HttpResponse<byte[]> original = download(message.getEvidenceSha256(), "comms");
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("message/rfc822"));
        assertThat(ReplyInbox.sha256(original.body())).isEqualTo(message.getEvidenceSha256());
        assertThat(new String(original.body(), StandardCharsets.UTF_8)).contains("> quoted notice text")
                .contains(reply.getMessageID());
        await().atMost(PATIENCE).until(() -> seen(reply.getMessageID()) == 1);
    }

    @Test
    void shouldPutAMailReadTwiceOnTheCaseOnce() throws Exception {
        MimeMessage reply = reply(alice(), aliceReplyTo, "Is our webmail affected?");

        MAILBOX.deliver(reply);
        MAILBOX.deliver(reply);

        await().atMost(PATIENCE).until(() -> seen(reply.getMessageID()) == 2);
        drainClientMessages();
        assertThat(clientMessages(incidentId)).singleElement()
                .satisfies(message -> assertThat(message.getText()).isEqualTo("Is our webmail affected?"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_mail WHERE message_id = ?", Long.class,
                reply.getMessageID())).isEqualTo(1);
    }

    @Test
    void shouldQuarantineAReplyWithATamperedKeyAndPutNothingOnTheCase() throws Exception {
        String key = aliceReplyTo.substring("replies+".length(), aliceReplyTo.indexOf('@'));
        String tampered = "replies+" + (key.charAt(0) == 'a' ? 'b' : 'a') + key.substring(1) + "@soc.example";
        MimeMessage reply = reply(alice(), tampered, "Please call me.");

        MAILBOX.deliver(reply);

        Map<String, Object> waiting = awaitQuarantined(reply.getSubject());
        assertThat(waiting).containsEntry("reason", "UNKNOWN_KEY").containsEntry("from", alice());
        assertThat(waiting.get("incidentId")).isNull();
        assertThat(messagesOnTheCase()).isZero();
    }

    @Test
    void shouldQuarantineAValidKeyUsedByAnotherClientsContact() throws Exception {
        MimeMessage reply = reply(bob(), aliceReplyTo, "Nous avons aussi vu ce message.");

        MAILBOX.deliver(reply);

        Map<String, Object> waiting = awaitQuarantined(reply.getSubject());
        // what the key was made for is shown to the human deciding, and nothing is attached to it
        assertThat(waiting).containsEntry("reason", "SENDER_MISMATCH").containsEntry("from", bob())
                .containsEntry("incidentId", incidentId.toString()).containsEntry("clientId", acme)
                .containsEntry("contactId", "alice");
        assertThat(messagesOnTheCase()).isZero();
    }

    @Test
    void shouldLetACommunicationsUserAttachAQuarantinedReplyOnce() throws Exception {
        MimeMessage reply = reply(alice(), RepliesMailbox.ADDRESS, "Which accounts are locked?\n\nSent from my iPhone");
        MAILBOX.deliver(reply);
        String id = (String) awaitQuarantined(reply.getSubject()).get("id");
        String path = "/api/replies/quarantine/" + id + "/attach";

        HttpResponse<String> incomplete = send("POST", path, "comms",
                "{\"incidentId\": \"" + incidentId + "\", \"clientId\": \"" + acme + "\"}");
        HttpResponse<String> unknownIncident = send("POST", path, "comms",
                attachment(UUID.randomUUID(), acme, "alice"));
        HttpResponse<String> notItsContact = send("POST", path, "comms", attachment(incidentId, globex, "alice"));
        HttpResponse<String> attached = send("POST", path, "comms", attachment(incidentId, acme, "alice"));
        HttpResponse<String> again = send("POST", path, "manager", attachment(incidentId, acme, "alice"));

        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(incomplete.body()).contains("\"field\":\"contactId\"");
        assertThat(unknownIncident.statusCode()).isEqualTo(400);
        assertThat(unknownIncident.body()).contains("\"field\":\"incidentId\"");
        assertThat(notItsContact.statusCode()).isEqualTo(400);
        assertThat(notItsContact.body()).contains("\"field\":\"contactId\"");
        assertThat(attached.statusCode()).isEqualTo(200);
        assertThat(attached.body()).contains("\"state\":\"ATTACHED\"", "\"attachedBy\":\"comms\"");
        assertThat(again.statusCode()).isEqualTo(409);
        ClientMessageReceived message = awaitClientMessages(incidentId, 1).get(0);
        assertThat(message.getAttachedBy()).isEqualTo("comms");
        assertThat(message.getText()).isEqualTo("Which accounts are locked?");
        assertThat(message.getContactId()).isEqualTo("alice");
        assertThat(message.getEvidenceSha256()).matches("[0-9a-f]{64}");
        assertThat(waiting()).noneMatch(item -> id.equals(item.get("id")));
    }

    @Test
    void shouldLetACommunicationsUserDiscardAQuarantinedMailAndKeepViewersOut() throws Exception {
        MimeMessage outOfOffice = reply(alice(), aliceReplyTo, "I am out of the office until Monday.");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        MAILBOX.deliver(outOfOffice);
        Map<String, Object> waiting = awaitQuarantined(outOfOffice.getSubject());
        String id = (String) waiting.get("id");
        String path = "/api/replies/quarantine/" + id;

        assertThat(waiting).containsEntry("reason", "AUTO_REPLY");
        assertThat(send("GET", "/api/replies/quarantine", "viewer", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", path, "viewer", null).statusCode()).isEqualTo(403);
        assertThat(download((String) waiting.get("evidenceSha256"), "viewer").statusCode()).isEqualTo(403);
        assertThat(send("POST", path + "/discard", "viewer", "{\"reason\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/replies/quarantine", null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> item = send("GET", path, "manager", null);
        HttpResponse<String> noReason = send("POST", path + "/discard", "comms", "{\"reason\": \" \"}");
        HttpResponse<String> discarded = send("POST", path + "/discard", "comms",
                "{\"reason\": \"Out-of-office reply\"}");
        HttpResponse<String> again = send("POST", path + "/discard", "comms", "{\"reason\": \"twice\"}");

        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.body()).contains("\"Subject\":\"" + outOfOffice.getSubject() + "\"",
                "\"text\":\"I am out of the office until Monday.\"").doesNotContain("Received");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(discarded.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(send("GET", path, "comms", null).body()).contains("\"state\":\"DISCARDED\"",
                "\"handledBy\":\"comms\"", "\"discardReason\":\"Out-of-office reply\"");
        assertThat(waiting()).noneMatch(entry -> id.equals(entry.get("id")));
        assertThat(messagesOnTheCase()).isZero();
        assertThat(send("GET", "/actuator/prometheus", null, null).body())
                .contains("vigie_notification_replies_quarantined");
    }

    private String alice() {
        return "alice@" + acme + ".test";
    }

    private String bob() {
        return "bob@" + globex + ".test";
    }

    /** A client's reply to the notice, with its own Message-ID, as their mail program sends it. */
    private MimeMessage reply(String from, String to, String text) throws Exception {
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress(from));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        reply.setSubject("Re: Security notification " + UUID.randomUUID());
        reply.setHeader("In-Reply-To", aliceNoticeMessageId);
        reply.setText(text, "UTF-8");
        reply.saveChanges();
        // After saveChanges, which would otherwise replace it.
        reply.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + from.substring(from.indexOf('@') + 1) + ">");
        return reply;
    }

    private static String attachment(UUID incident, String clientId, String contactId) {
        return "{\"incidentId\": \"" + incident + "\", \"clientId\": \"" + clientId + "\", \"contactId\": \""
                + contactId + "\"}";
    }

    /** How many copies of the mail the replies mailbox holds marked \Seen. */
    private static long seen(String messageId) {
        return MAILBOX.inbox().stream().filter(stored -> {
            try {
                return messageId.equals(stored.getMimeMessage().getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).filter(stored -> stored.isSet(Flags.Flag.SEEN)).count();
    }

    private long messagesOnTheCase() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM client_message WHERE incident_id = ?", Long.class,
                incidentId);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> waiting() throws Exception {
        HttpResponse<String> response = send("GET", "/api/replies/quarantine", "comms", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readValue(response.body(), List.class);
    }

    private Map<String, Object> awaitQuarantined(String subject) {
        return await().atMost(PATIENCE).until(() -> waiting().stream()
                .filter(item -> subject.equals(item.get("subject"))).findFirst().orElse(null), item -> item != null);
    }

    private HttpResponse<byte[]> download(String sha256, String user) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/replies/originals/"
                        + sha256)).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<ClientMessageReceived> awaitClientMessages(UUID incident, int count) {
        await().atMost(PATIENCE).until(() -> {
            pollClientMessages();
            return clientMessages(incident).size() >= count;
        });
        return clientMessages(incident);
    }

    /** Reads the topic up to its end as it is now: every event committed so far has been seen. */
    private void drainClientMessages() {
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE topic = ?", Long.class, Topics.CLIENT_MESSAGES) == 0);
        pollClientMessages();
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(PATIENCE).until(() -> {
            pollClientMessages();
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
    }

    private static List<ClientMessageReceived> clientMessages(UUID incident) {
        return received.stream().filter(event -> event.getIncidentId().equals(incident)).toList();
    }

    private void pollClientMessages() {
        if (consumer == null) {
            AvroDeserializer values = new AvroDeserializer();
            values.configure(Map.of("schema.registry.url", INFRASTRUCTURE.schemaRegistryUrl(),
                    "specific.avro.reader", "true"), false);
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRASTRUCTURE.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "replies-it-" + UUID.randomUUID()), new StringDeserializer(),
                    values);
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CLIENT_MESSAGES).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
            received.add((ClientMessageReceived) record.value());
        }
    }
}
