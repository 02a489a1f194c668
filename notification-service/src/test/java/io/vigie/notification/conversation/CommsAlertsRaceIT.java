package io.vigie.notification.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.Racers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SOC's own alerts (a client's question for the comms team, a regulatory deadline for the managers), when several
 * instances send what is due at once: each is emailed once.
 */
class CommsAlertsRaceIT extends NotificationIntegrationTest {

    @Autowired
    private CommsAlerts alerts;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void shouldEmailEachQueuedAlertOnceWhenTheSendersOfFourInstancesRace() throws Exception {
        // given twenty alerts queued for one mailbox
        String mailbox = unique("race-comms") + "@soc.test";
        UUID incidentId = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 20; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                alerts.queue(id, incidentId, mailbox, "Alert " + i, "Body " + i);
            }
        });

        // when four instances' senders run at once (this one's own runs too)
        Racers.race(4, () -> {
            alerts.sendDue();
            return null;
        });

        // then, once every alert is sent, the mailbox holds each exactly once
        awaitMails(mailbox, 20);
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM comms_alert WHERE incident_id = ? AND state = 'SENT'", Integer.class,
                incidentId) == 20);
        assertThat(mailsTo(mailbox).stream().map(mail -> {
            try {
                return mail.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).hasSize(20).doesNotHaveDuplicates();
    }
}
