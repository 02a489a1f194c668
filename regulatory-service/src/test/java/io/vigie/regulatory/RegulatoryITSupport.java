package io.vigie.regulatory;

import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.events.ClassificationChange;
import io.vigie.events.DataCategory;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Measure;
import io.vigie.events.RegulatoryReportChanged;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.test.ServiceITSupport;
import io.vigie.test.TestUsers;
import io.vigie.test.VigieInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * What the integration tests share beyond test-support's {@link ServiceITSupport}: clients with their regimes,
 * classified incidents, the reports the API lists and the events on the topic.
 */
@RegulatoryServiceTest
public abstract class RegulatoryITSupport extends ServiceITSupport {

    protected static final String VIEWER = TestUsers.VIEWER;
    protected static final String ANALYST = TestUsers.ANALYST;
    protected static final String COMMS = TestUsers.COMMS;
    protected static final String MANAGER = TestUsers.MANAGER;

    @Autowired
    protected JsonMapper json;

    /** A client id no other test uses, so each test sees only its own reports. */
    protected static String newClient() {
        return "client-" + UUID.randomUUID();
    }

    protected void profile(String clientId, String body) throws Exception {
        HttpResponse<String> response = call("PUT", "/api/clients/" + clientId + "/regimes", MANAGER, body);
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
    }

    /** A CRITICAL personal-data incident classified now, affecting the clients on one service each. */
    protected AlertClassified classified(UUID incidentId, boolean personalData, String... clients) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<AffectedClient> affected = new ArrayList<>();
        for (String client : clients) {
            affected.add(AffectedClient.newBuilder().setClientId(client).setServices(List.of("payroll"))
                    .setDataCategories(personalData ? List.of(DataCategory.PERSONAL) : List.of()).build());
        }
        return AlertClassified.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("triage-service")
                .setIncidentId(incidentId).setAlertId(UUID.randomUUID()).setChange(ClassificationChange.OPENED)
                .setTitle("Payroll export reached an unknown host")
                .setSummary("Payslips were copied from the payroll server to an external address.")
                .setSeverity(Severity.CRITICAL).setPriority(100).setCategory(IncidentCategory.DATA_BREACH)
                .setSource(SourceKind.SPLUNK).setSourceReference("sid-1")
                .setDetectedAt(now.minus(Duration.ofMinutes(5))).setAlertReceivedAt(now.minus(Duration.ofMinutes(4)))
                .setAffectedClients(affected)
                .setNotifyClients(true).setPersonalDataInvolved(personalData)
                .setMeasures(List.of(Measure.SYSTEM_ISOLATED, Measure.LEAK_CHANNEL_CLOSED))
                .setPolicyVersion("policy-1")
                .build();
    }

    /** The incident's reports, once the API lists as many as expected. */
    protected JsonNode awaitReports(UUID incidentId, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> response = call("GET", "/api/incidents/" + incidentId + "/reports", VIEWER, null);
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        }, reports -> reports != null && reports.size() == count);
    }

    protected static JsonNode report(JsonNode reports, String clientId, String report) {
        for (JsonNode r : reports) {
            if (r.get("clientId").asString().equals(clientId) && r.get("report").asString().equals(report)) {
                return r;
            }
        }
        throw new AssertionError("No " + report + " for " + clientId + " in " + reports);
    }

    /**
     * The RegulatoryReportChanged events of one incident read from the topic as any consumer would, once
     * {@code until} holds for them.
     */
    protected static List<RegulatoryReportChanged> awaitEvents(UUID incidentId,
                                                               Predicate<List<RegulatoryReportChanged>> until) {
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", infrastructure.schemaRegistryUrl(),
                "specific.avro.reader", "true"), false);
        List<RegulatoryReportChanged> received = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "regulatory-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.REGULATORY_REPORTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof RegulatoryReportChanged changed
                            && changed.getIncidentId().equals(incidentId)) {
                        received.add(changed);
                    }
                }
                return until.test(received);
            });
        }
        return received;
    }

    protected static Predicate<List<RegulatoryReportChanged>> has(String report, String change) {
        return events -> events.stream().anyMatch(e -> e.getReport().name().equals(report)
                && e.getChange().name().equals(change));
    }

    protected String write(Object value) {
        return json.writeValueAsString(value);
    }
}
