package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.events.TopicSpec;
import io.vigie.events.Topics;
import io.vigie.localstack.VigieService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Poison on every topic: a record that is not Avro at all and one framed as Avro under a schema id the registry never
 * gave. Every service reading the topic must move them to {@code <topic>.DLT} with the reason, on the first attempt,
 * and keep going: a real incident posted after the poison goes through its whole life, over all six topics.
 */
@ExtendWith(VigieSystemExtension.class)
class PoisonRecordsIT {

    private static final Duration STEP = Duration.ofSeconds(90);
    private static final int UNKNOWN_SCHEMA_ID = 2_000_000_001;

    private static VigieSystem system;

    @BeforeAll
    static void connect(VigieSystem vigie) {
        system = vigie;
    }

    @Test
    void shouldDeadLetterPoisonOnEveryTopicWithItsReasonAndKeepThePipelineFlowing() throws Exception {
        // given poison on each of the six topics
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Poison> poisons = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = system.rawProducer()) {
            for (TopicSpec<?> topic : Topics.ALL) {
                poisons.add(send(producer, topic, "poison-json-" + run,
                        "{\"title\": \"not Avro\"}".getBytes(StandardCharsets.UTF_8)));
                poisons.add(send(producer, topic, "poison-schema-" + run, ByteBuffer.allocate(9).put((byte) 0)
                        .putInt(UNKNOWN_SCHEMA_ID).putInt(0x02040608).array()));
            }
        }

        // then each lands on its dead-letter topic, bytes unchanged, with where it came from and why
        await().atMost(STEP).untilAsserted(() -> {
            for (Poison poison : poisons) {
                List<ConsumerRecord<byte[], byte[]>> dead = system.rawRecords(poison.topic().deadLetterTopic()).stream()
                        .filter(record -> record.key() != null
                                && new String(record.key(), StandardCharsets.UTF_8).equals(poison.key()))
                        .toList();
                assertThat(dead).as("%s on %s", poison.key(), poison.topic().deadLetterTopic()).isNotEmpty();
                for (ConsumerRecord<byte[], byte[]> record : dead) {
                    assertThat(record.value()).isEqualTo(poison.value());
                    assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(poison.topic().name());
                    assertThat(header(record, "vigie_dlt-reason")).as("reason of %s", poison.key())
                            .contains(poison.key().startsWith("poison-json") ? "magic byte" : "" + UNKNOWN_SCHEMA_ID);
                }
            }
        });

        // and a real incident after the poison goes through every stage: classified, notified, updated, resolved,
        // post-mortem approved, closed, surveyed
        VigieSystem.Client client = system.newClient("bank", "dc-{id}.bank.example", "HIGH", "[\"CREDENTIALS\"]");
        HttpResponse<String> accepted = system.postSplunk("Access - Account locked out - Rule", client.asset(), "a.meyer",
                "scheduler__admin__search__RMD5poison_at_" + System.nanoTime());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        UUID alertId = UUID.fromString(VigieSystem.parse(accepted.body()).get("alertId").asText());
        await().atMost(STEP).untilAsserted(() -> assertThat(system.emailsTo(client.englishContact(), "")).hasSize(1));
        UUID incident = await().atMost(STEP).until(() -> system.casesOf(client), cases -> cases != null)
                .get(0).get("id").asText().transform(UUID::fromString);

        command(VigieService.CASE, "/api/cases/" + incident + "/client-updates", "analyst", """
                {"clientMessages": {"fr": "L'adresse est bloquée.", "en": "The address is blocked."},
                 "measures": ["ATTACK_SOURCES_BLOCKED"], "estimatedResolutionAt": "%s"}"""
                .formatted(Instant.now().plus(Duration.ofHours(1))));
        command(VigieService.CASE, "/api/cases/" + incident + "/resolution", "analyst", """
                {"summary": "Password reset; no login succeeded.", "correctiveActions": ["Password reset"],
                 "dataCompromised": false}""");
        JsonNode draft = await().atMost(STEP).until(
                () -> system.get(VigieService.POSTMORTEM, "/api/incidents/" + incident + "/postmortem"), d -> d != null);
        String postmortem = "/api/postmortems/" + draft.get("id").asText();
        command(VigieService.POSTMORTEM, postmortem + "/analysis", "analyst", """
                {"fiveWhys": ["Passwords were tried on the account", "The login was exposed"],
                 "rootCause": "The login accepted a password alone.", "rootCauseCategory": "PROCESS",
                 "ishikawa": {"TECHNOLOGY": ["No MFA"]},
                 "stageEvaluations": {"COMMUNICATION": {"worked": "Told within minutes", "didNotWork": "None"}},
                 "lessonsLearned": ["MFA everywhere"],
                 "actionItems": [{"description": "Enforce MFA", "owner": "manager", "dueDate": "%s", "kind": "PREVENTIVE"}],
                 "responsePlanChangeRequired": false}""".formatted(LocalDate.now().plusDays(30)));
        command(VigieService.POSTMORTEM, postmortem + "/approval", "manager", "{}");

        await().atMost(STEP).untilAsserted(() -> {
            assertThat(system.emailsTo(client.englishContact(), "")).hasSize(4);
            assertThat(system.emailsTo(client.frenchContact(), "")).hasSize(4);
        });
        await().atMost(STEP).untilAsserted(() -> assertThat(
                system.get(VigieService.CASE, "/api/cases/" + incident).toString()).contains("\"status\":\"CLOSED\""));
        assertThat(PipelineAccount.assertBalanced(system, List.of(alertId))).containsEntry(alertId, incident);
        await().atMost(STEP).until(() -> system.pipelineLag() == 0);
        for (VigieService service : VigieService.values()) {
            HttpResponse<String> health = system.getAnonymous(system.stack().service(service).healthUrl());
            assertThat(health.statusCode()).as(service + ": " + health.body()).isEqualTo(200);
        }
    }

    private static Poison send(KafkaProducer<byte[], byte[]> producer, TopicSpec<?> topic, String key, byte[] value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8), value)).get();
        return new Poison(topic, key, value);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void command(VigieService service, String path, String user, String json) {
        HttpResponse<String> answer = system.call(path.endsWith("/analysis") ? "PUT" : "POST", service, path, user, json);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    }

    private record Poison(TopicSpec<?> topic, String key, byte[] value) {
    }
}
