package io.vigie.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.Racers;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retried deliveries when several instances run: their delivery workers find the same deliveries due at the same
 * moment, and each contact still gets one email.
 */
class DeliveryRaceIT extends NotificationIntegrationTest {

    private static final int CONTACTS = 8;

    @Autowired
    private DeliveryWorker worker;

    @Test
    void shouldEmailEachContactOnceWhenTheWorkersOfFourInstancesRetryTogether() throws Exception {
        // given a notice to eight contacts whose first attempt failed (the SMTP server was down)
        String clientId = unique("race-delivery");
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(contact(clientId, "c" + i, "en", false));
        }
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contacts.toArray(Contact[]::new));
        UUID incidentId = UUID.randomUUID();
        Instant retryAt = clock.instant().plus(Duration.ofHours(1));
        smtpDown();
        try {
            publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                    opened(incidentId, IncidentCategory.MALWARE, clientId).build());
            awaitClientNotified(incidentId, all -> all.stream()
                    .filter(e -> e.getOutcome() == DeliveryOutcome.FAILED).map(ClientNotified::getContactId)
                    .distinct().count() == CONTACTS);
            // their retries all set for the same moment (as after a long outage), out of reach until then
            await().atMost(PATIENCE).until(() -> {
                jdbc.update("UPDATE delivery SET next_attempt_at = ? WHERE state = 'PENDING' AND notice_id IN "
                        + "(SELECT id FROM notice WHERE incident_id = ?)", Timestamp.from(retryAt), incidentId);
                return jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE state = 'PENDING' AND next_attempt_at = ? "
                        + "AND notice_id IN (SELECT id FROM notice WHERE incident_id = ?)", Integer.class,
                        Timestamp.from(retryAt), incidentId) == CONTACTS;
            });
        } finally {
            smtpUp();
        }

        // when they fall due and four instances' workers take them at once (this one's own too)
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        Racers.race(4, worker::sendDue);

        // then every contact gets the notice once, and its delivery is recorded as sent once
        List<ClientNotified> events = awaitClientNotified(incidentId, all -> all.stream()
                .filter(e -> e.getOutcome() == DeliveryOutcome.SENT).count() >= CONTACTS);
        assertThat(events.stream().filter(e -> e.getOutcome() == DeliveryOutcome.SENT).map(ClientNotified::getContactId))
                .hasSize(CONTACTS).doesNotHaveDuplicates();
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).untilAsserted(() ->
                assertThat(contacts.stream().map(contact -> mailsTo(contact.email()).size()))
                        .as("emails per contact").containsOnly(1));
    }
}
