package io.vigie.cases;

import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.events.ClassificationChange;
import io.vigie.events.DataCategory;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Measure;
import io.vigie.events.RuleFired;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.events.Topics;
import io.vigie.platform.kafka.serde.AvroDeserializer;
import io.vigie.test.ServiceITSupport;
import io.vigie.test.VigieInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

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
 * One Spring context for every case-service integration test ({@link CaseServiceTest}): test-support's started
 * service (real broker, registry and PostgreSQL, a clock the tests move forward) with four users, one per role; what is
 * here on top is the case-service's own: its incidents, its timeline, its topics read back.
 */
@CaseServiceTest
public abstract class CaseServiceTestBase extends ServiceITSupport {

    protected void publish(String topic, String key, Object event) {
        send(topic, key, event);
    }

    /** Publishes a new incident's classification and waits until the case exists. */
    protected UUID openIncident(Severity severity, String title, String... clients) {
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), classified(incidentId, UUID.randomUUID(), severity,
                title, ClassificationChange.OPENED, false, clients));
        awaitCase(incidentId);
        return incidentId;
    }

    /** Publishes a classification and waits until its case exists. */
    protected UUID openIncident(AlertClassified classification) {
        publish(Topics.ALERT_CLASSIFIED, classification.getIncidentId().toString(), classification);
        awaitCase(classification.getIncidentId());
        return classification.getIncidentId();
    }

    /** The classification, naming clients that neither the inventory nor the source's bindings vouch for. */
    public static AlertClassified suggesting(AlertClassified classification, String... clients) {
        List<AffectedClient> suggested = new ArrayList<>();
        for (String client : clients) {
            suggested.add(AffectedClient.newBuilder().setClientId(client).setAssets(List.of("crm-" + client))
                    .build());
        }
        return AlertClassified.newBuilder(classification).setSuggestedClients(suggested).build();
    }

    protected void awaitCase(UUID incidentId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM incident_case WHERE incident_id = ? AND classified = TRUE", Integer.class,
                incidentId) == 1);
    }

    protected int timelineSize(UUID incidentId) {
        return jdbc.queryForObject("SELECT count(*) FROM timeline_entry WHERE incident_id = ?", Integer.class,
                incidentId);
    }

    public static AlertClassified classified(UUID incidentId, UUID alertId, Severity severity, String title,
                                                ClassificationChange change, boolean personalData,
                                                String... clients) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<AffectedClient> affected = new ArrayList<>();
        for (String client : clients) {
            affected.add(AffectedClient.newBuilder().setClientId(client).setServices(List.of("webmail"))
                    .setDataCategories(personalData ? List.of(DataCategory.PERSONAL) : List.of()).build());
        }
        return AlertClassified.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("triage-service")
                .setIncidentId(incidentId).setAlertId(alertId).setChange(change)
                .setTitle(title).setSummary("Repeated failed logins, then a success, on " + title)
                .setSeverity(severity).setPriority(severity == Severity.CRITICAL ? 90 : 50)
                .setCategory(IncidentCategory.ACCOUNT_COMPROMISE).setSource(SourceKind.SPLUNK)
                .setSourceReference("sid-" + alertId).setDetectedAt(now.minusSeconds(60))
                .setAlertReceivedAt(now.minusSeconds(30)).setAffectedClients(affected)
                .setAffectedAssets(List.of("mail-01")).setAffectedServices(List.of("webmail"))
                .setNotifyClients(clients.length > 0).setPersonalDataInvolved(personalData)
                .setRationale(List.of(RuleFired.newBuilder().setRuleId("R-7").setDescription("locked account")
                        .setEffect("severity " + severity).build()))
                .setPolicyVersion("test")
                .build();
    }

    /**
     * What triage publishes for Wazuh rule 5712 ("sshd: brute force", level 10) about a host the inventory does not
     * know, sent by a Wazuh manager bound to no client: the default policy says notify, and no client is affected or
     * suggested.
     */
    public static AlertClassified unattributed(UUID incidentId, UUID alertId, String host,
                                               ClassificationChange change) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant detected = now.minusSeconds(90);
        return AlertClassified.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("triage-service")
                .setIncidentId(incidentId).setAlertId(alertId).setChange(change)
                .setTitle("sshd: brute force trying to get access to the system. Non existent user.")
                .setSummary("Nov 23 01:59:11 " + host + " sshd[24511]: Invalid user oracle from 203.0.113.77 port "
                        + "50422 Reported by wazuh-soc (WAZUH) at " + detected + ".")
                .setSeverity(Severity.HIGH).setPriority(765).setCategory(IncidentCategory.ACCOUNT_COMPROMISE)
                .setSource(SourceKind.WAZUH).setSourceReference(detected.getEpochSecond() + "." + alertId)
                .setDetectedAt(detected).setAlertReceivedAt(now.minusSeconds(30)).setAffectedAssets(List.of(host))
                .setAccounts(List.of("oracle")).setNotifyClients(true).setUnknownAsset(true)
                .setDataCategories(List.of(DataCategory.CREDENTIALS))
                .setMeasures(List.of(Measure.ACCOUNT_LOCKED, Measure.ATTACK_SOURCES_BLOCKED))
                .setEstimatedResolutionAt(detected.plus(Duration.ofHours(4)))
                .setRationale(List.of(
                        rule("baseline", "severity HIGH (source severity level 10)"),
                        rule("account-locked-after-failed-logins", "category ACCOUNT_COMPROMISE; severity HIGH; "
                                + "notify clients"),
                        rule("unknown-asset", host + " is not in the inventory: severity at least HIGH")))
                .setPolicyVersion("2026.12-default.1")
                .build();
    }

    private static RuleFired rule(String id, String effect) {
        return RuleFired.newBuilder().setRuleId(id).setDescription(id).setEffect(effect).build();
    }

    /** Reads {@code topic} from the start until a record matches, and returns it. */
    protected <T> T awaitRecord(String topic, Class<T> type, Predicate<T> matching) {
        return awaitRecords(topic, type, matching, matching).get(0);
    }

    /**
     * Reads {@code topic} from the start until a record matches {@code last}, and returns every record that matched
     * {@code matching} until then. With records of one key (one partition, in order), "until" is an event published
     * after the ones counted: what it returns is all there were.
     */
    @SuppressWarnings("unchecked")
    protected <T> List<T> awaitRecords(String topic, Class<T> type, Predicate<T> matching, Predicate<T> last) {
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of("schema.registry.url", infrastructure.schemaRegistryUrl(),
                "specific.avro.reader", "true"), false);
        List<T> found = new ArrayList<>();
        boolean[] ended = {false};
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "case-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (ended[0] || !type.isInstance(record.value())) {
                        continue;
                    }
                    if (matching.test((T) record.value())) {
                        found.add((T) record.value());
                    }
                    ended[0] = last.test((T) record.value());
                }
                return ended[0];
            });
        }
        return found;
    }
}
