package io.vigie.notification;

import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientNotified;
import io.vigie.events.DataCategory;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Measure;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.events.Topics;
import io.vigie.notification.delivery.LocalSmsSink;
import io.vigie.notification.delivery.SmsMessage;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.directory.Contact;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.test.AdjustableClock;
import io.vigie.test.VigieInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** What the integration tests share: the running service, its inputs (events, directory) and outputs (mail, SMS, events). */
@NotificationServiceTest
public abstract class NotificationIntegrationTest {

    protected static final VigieInfrastructure INFRASTRUCTURE = VigieInfrastructure.shared();
    protected static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KafkaConsumer<String, Object> consumer;
    private static final List<ClientNotified> published = new CopyOnWriteArrayList<>();

    @Autowired
    protected KafkaTemplate<String, Object> kafka;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ClientDirectory directory;
    @Autowired
    protected AdjustableClock clock;
    @Autowired
    protected LocalSmsSink sms;
    @Autowired
    protected JavaMailSenderImpl mailSender;
    @LocalServerPort
    protected int port;

    @BeforeAll
    static void readClientNotified() {
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", INFRASTRUCTURE.schemaRegistryUrl(),
                "specific.avro.reader", "true"), false);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRASTRUCTURE.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "notification-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values);
        consumer.subscribe(List.of(Topics.CLIENT_NOTIFIED));
    }

    @AfterAll
    static void closeConsumer() {
        consumer.close();
        published.clear();
    }

    /** Waits until the ClientNotified events of the incident satisfy {@code condition}; returns them all. */
    protected static List<ClientNotified> awaitClientNotified(UUID incidentId,
                                                              Predicate<List<ClientNotified>> condition) {
        await().atMost(PATIENCE).until(() -> {
            for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
                published.add((ClientNotified) record.value());
            }
            return condition.test(clientNotified(incidentId));
        });
        return clientNotified(incidentId);
    }

    protected static List<ClientNotified> clientNotified(UUID incidentId) {
        return published.stream().filter(event -> event.getIncidentId().equals(incidentId)).toList();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected Client client(String id, io.vigie.notification.incident.Severity minimum, List<Channel> channels,
                            boolean outOfBand, Contact... contacts) {
        Client client = new Client(id, "Client " + id, minimum, channels, outOfBand, null, null,
                Arrays.asList(contacts));
        directory.saveAll(List.of(client));
        return client;
    }

    protected static Contact contact(String clientId, String id, String language, boolean withPhone) {
        String phone = "+336" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(),
                100_000_000L));
        return new Contact(id, "Contact " + id, "RSSI", id + "@" + clientId + ".test", withPhone ? phone : null,
                language);
    }

    protected void publish(String topic, String key, Object event) throws Exception {
        kafka.send(topic, key, event).get();
    }

    /**
     * An OPENED classification with every section of a notice filled. Its title, summary and the text fields triage no
     * longer writes carry raw SIEM strings ({@link #RAW_ALERT_STRINGS}) that no notice may show.
     */
    protected static AlertClassified.Builder opened(UUID incidentId, IncidentCategory category, String... clientIds) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<AffectedClient> clients = new ArrayList<>();
        for (String clientId : clientIds) {
            clients.add(AffectedClient.newBuilder().setClientId(clientId).setServices(List.of("Webmail " + clientId))
                    .setAssets(List.of("mail-01")).setDataCategories(List.of(DataCategory.CREDENTIALS)).build());
        }
        return AlertClassified.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("triage-service")
                .setIncidentId(incidentId).setAlertId(UUID.randomUUID()).setChange(ClassificationChange.OPENED)
                .setTitle("Splunk search: auth_fail_lockout src=203.0.113.7").setSummary("Reported by splunk-demo (SPLUNK)")
                .setSeverity(Severity.MEDIUM).setPriority(50).setCategory(category).setSource(SourceKind.SPLUNK)
                .setSourceReference("splunk-1").setDetectedAt(now).setAlertReceivedAt(now)
                .setAffectedClients(clients).setNotifyClients(true)
                .setImpact("raw impact sentence")
                .setMeasuresTaken(List.of("raw measure sentence"))
                .setResolutionPlan("raw plan sentence")
                .setMeasures(List.of(Measure.ACCOUNT_LOCKED, Measure.ATTACK_SOURCES_BLOCKED))
                .setEstimatedResolutionAt(Instant.parse("2030-03-01T10:00:00Z"))
                .setRecommendedActions(List.of("raw action sentence"))
                .setPolicyVersion("test");
    }

    /** What a raw alert says that must never reach a client. */
    protected static final List<String> RAW_ALERT_STRINGS = List.of("Splunk search", "auth_fail_lockout",
            "203.0.113.7", "splunk-demo", "SPLUNK", "raw impact sentence", "raw measure sentence", "raw plan sentence",
            "raw action sentence", "mail-01");

    protected static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(INFRASTRUCTURE.mail().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    protected static List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(PATIENCE).until(() -> mailsTo(address).size() >= count);
        return mailsTo(address);
    }

    /** The plain-text and the HTML part of a notice email, wherever the multipart structure puts them. */
    protected static String[] parts(MimeMessage message) throws MessagingException, IOException {
        String[] found = new String[2];
        collect(message.getContent(), message.getContentType(), found);
        return found;
    }

    private static void collect(Object content, String type, String[] found) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i).getContent(), multipart.getBodyPart(i).getContentType(), found);
            }
        } else if (type.toLowerCase().startsWith("text/plain")) {
            found[0] = (String) content;
        } else if (type.toLowerCase().startsWith("text/html")) {
            found[1] = (String) content;
        }
    }

    /**
     * Points the service's SMTP client at a port nobody listens on: to the service the SMTP server is down. (The
     * shared GreenMail server itself stays up for the other tests.)
     */
    protected void smtpDown() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            mailSender.setPort(socket.getLocalPort());
        }
    }

    protected void smtpUp() {
        mailSender.setPort(INFRASTRUCTURE.smtpPort());
    }

    /** Calls the service's API as {@code user} (whose password is {@code <user>-password}), or anonymously. */
    protected HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected List<SmsMessage> smsTo(String number) {
        return sms.received().stream().filter(message -> message.to().equals(number)).toList();
    }
}
