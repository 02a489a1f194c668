package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vigie.events.ClientNotified;
import io.vigie.events.Topics;
import io.vigie.localstack.VigieService;
import io.vigie.notification.NotificationApplication;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.KafkaListenerAnnotationBeanPostProcessor.AnnotationEnhancer;

/**
 * A replay: a second notification-service, on the same database, reads its four topics from the very beginning in a
 * consumer group of its own (as after an offset reset, or a new group deployed by mistake). Every event it meets was
 * handled already, so it must send nothing: no email, no ClientNotified. A new incident arriving while both instances
 * listen is still notified exactly once.
 */
@ExtendWith(VigieSystemExtension.class)
class ReplayIntoFreshGroupIT {

    private static final Duration STEP = Duration.ofSeconds(90);
    private static final String GROUP_PROPERTY = "vigie.system-test.consumer-group";
    private static final List<String> NOTIFICATION_TOPICS = List.of(Topics.ALERT_CLASSIFIED, Topics.INCIDENT_UPDATED,
            Topics.INCIDENT_RESOLVED, Topics.INCIDENT_CLOSED);

    private static VigieSystem system;

    @BeforeAll
    static void connect(VigieSystem vigie) {
        system = vigie;
    }

    @Test
    void shouldSendNothingNewWhenNotificationServiceReplaysItsTopicsFromTheBeginningInAFreshConsumerGroup() {
        // given an incident told, updated and resolved: an event on each of notification-service's topics but one
        VigieSystem.Client client = system.newClient("logistics", "erp-{id}.logistics.example", "HIGH", "[\"CREDENTIALS\"]");
        UUID incident = lockedAccountIncident(client);
        command(incident, "client-updates", """
                {"clientMessages": {"fr": "Les tentatives venaient d'une seule adresse, désormais bloquée.",
                                    "en": "The attempts came from one address, now blocked."},
                 "measures": ["ATTACK_SOURCES_BLOCKED"], "estimatedResolutionAt": "%s"}"""
                .formatted(Instant.now().plus(Duration.ofHours(2))));
        command(incident, "resolution", """
                {"summary": "Password reset with its owner; no login succeeded.", "correctiveActions": ["Password reset"],
                 "dataCompromised": false}""");
        await().atMost(STEP).untilAsserted(() -> assertThat(system.emailsTo(client.englishContact(), "")).hasSize(3));
        await().atMost(STEP).until(() -> system.pipelineLag() == 0);
        int emailsBefore = system.emails().size();
        int clientNotifiedBefore = system.records(Topics.CLIENT_NOTIFIED_TOPIC, ClientNotified.class).size();

        // when a second notification-service reads everything again in a fresh group
        String group = "notification-replay-" + UUID.randomUUID();
        try (ConfigurableApplicationContext replay = system.startService(NotificationApplication.application(),
                system.stack().service(VigieService.NOTIFICATION).database(), List.of(FreshConsumerGroup.class),
                List.of(GROUP_PROPERTY + "=" + group, "spring.kafka.consumer.auto-offset-reset=earliest"))) {
            await().atMost(STEP).until(() -> system.lag(group, NOTIFICATION_TOPICS) == 0);

            // then, once a new incident has gone through both instances (a barrier: everything before it is done)...
            VigieSystem.Client other = system.newClient("transport", "vpn-{id}.transport.example", "HIGH", "[\"CREDENTIALS\"]");
            UUID barrier = lockedAccountIncident(other);
            await().atMost(STEP).until(() -> system.lag(group, NOTIFICATION_TOPICS) == 0 && system.pipelineLag() == 0);

            // ...the only new emails and ClientNotified events are the new incident's, each once
            List<MimeMessage> newEmails = system.emails().subList(emailsBefore, system.emails().size());
            assertThat(newEmails).hasSize(2);
            assertThat(newEmails.stream().map(ReplayIntoFreshGroupIT::recipient))
                    .containsExactlyInAnyOrderElementsOf(other.contacts());
            List<ConsumerRecord<String, ClientNotified>> notified = system.records(Topics.CLIENT_NOTIFIED_TOPIC,
                    ClientNotified.class);
            assertThat(notified).hasSize(clientNotifiedBefore + 2);
            assertThat(notified.stream().filter(record -> !record.value().getIncidentId().equals(barrier)))
                    .hasSize(clientNotifiedBefore);
            assertThat(system.emailsTo(client.englishContact(), "")).hasSize(3);
            assertThat(system.emailsTo(client.frenchContact(), "")).hasSize(3);
            // The notices are written in the listeners' transactions: whatever a replayed event created would be here.
            assertThat(system.get(VigieService.NOTIFICATION, "/api/incidents/" + incident + "/notices")).hasSize(3);
            assertThat(system.get(VigieService.NOTIFICATION, "/api/incidents/" + barrier + "/notices")).hasSize(1);
        }
    }

    private static UUID lockedAccountIncident(VigieSystem.Client client) {
        HttpResponse<String> answer = system.postSplunk("Access - Account locked out - Rule", client.asset(), "l.petit",
                "scheduler__admin__search__RMD5replay_at_" + System.nanoTime());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        UUID alertId = UUID.fromString(VigieSystem.parse(answer.body()).get("alertId").asText());
        await().atMost(STEP).untilAsserted(() -> {
            assertThat(system.emailsTo(client.frenchContact(), "")).hasSize(1);
            assertThat(system.emailsTo(client.englishContact(), "")).hasSize(1);
        });
        await().atMost(STEP).until(() -> system.casesOf(client) != null);
        return PipelineAccount.assertBalanced(system, List.of(alertId)).get(alertId);
    }

    private static void command(UUID incident, String command, String json) {
        HttpResponse<String> answer = system.call("POST", VigieService.CASE, "/api/cases/" + incident + "/" + command,
                "analyst", json);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * notification-service names its consumer group on each {@code @KafkaListener}; this moves every listener of the
     * second instance to the test's group, the way an operator would deploy it under another group id.
     */
    @Configuration(proxyBeanMethods = false)
    static class FreshConsumerGroup {

        @Bean
        static AnnotationEnhancer freshConsumerGroup(Environment environment) {
            String group = environment.getRequiredProperty(GROUP_PROPERTY);
            return (attributes, element) -> {
                Map<String, Object> changed = new HashMap<>(attributes);
                changed.put("groupId", group);
                return changed;
            };
        }
    }
}
