package io.vigie.notification.delivery;

import com.sun.net.httpserver.HttpServer;
import io.vigie.events.AffectedClient;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.ChannelsBySeverity;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.incident.Severity;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryIT extends NotificationIntegrationTest {

    @Test
    void shouldDeliverOnceWhenTheSmtpServerComesBack() throws Exception {
        String clientId = unique("smtp-down");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "dan", "en", false));
        UUID incidentId = UUID.randomUUID();
        // given the SMTP server is down when the notice is due
        smtpDown();
        try {
            publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                    opened(incidentId, IncidentCategory.MALWARE, clientId).build());
            // then the failed attempt is published
            awaitClientNotified(incidentId, all -> all.stream().anyMatch(e -> e.getOutcome() == DeliveryOutcome.FAILED));
        } finally {
            smtpUp();
        }

        // and once it is back the notice is delivered, once
        awaitMails("dan@" + clientId + ".test", 1);
        List<ClientNotified> events = awaitClientNotified(incidentId,
                all -> all.stream().anyMatch(e -> e.getOutcome() == DeliveryOutcome.SENT));
        assertThat(events).filteredOn(e -> e.getOutcome() == DeliveryOutcome.SENT).singleElement()
                .satisfies(sent -> assertThat(sent.getAttempt()).isGreaterThan(1));
        assertThat(events).filteredOn(e -> e.getOutcome() == DeliveryOutcome.FAILED).first()
                .satisfies(failed -> {
                    assertThat(failed.getAttempt()).isEqualTo(1);
                    assertThat(failed.getError()).startsWith("SMTP");
                });
        assertThat(mailsTo("dan@" + clientId + ".test")).hasSize(1);
    }

    @Test
    void shouldUseTheChannelsOfASeverityTogetherAndTrackEachOnItsOwn() throws Exception {
        // given a client whose contacts get CRITICAL notices by email and SMS at once, others by email first
        String clientId = unique("together");
        Contact contact = contact(clientId, "tia", "en", true);
        directory.saveAll(List.of(new Client(clientId, "Client " + clientId, Severity.LOW,
                List.of(Channel.EMAIL, Channel.SMS), false, null, null, List.of(contact)).withChannelsBySeverity(
                new ChannelsBySeverity(Map.of(Severity.CRITICAL, List.of(Channel.EMAIL, Channel.SMS))))));
        UUID critical = UUID.randomUUID();
        UUID high = UUID.randomUUID();

        publish(Topics.ALERT_CLASSIFIED, critical.toString(), opened(critical, IncidentCategory.MALWARE, clientId)
                .setSeverity(io.vigie.events.Severity.CRITICAL).build());
        publish(Topics.ALERT_CLASSIFIED, high.toString(), opened(high, IncidentCategory.MALWARE, clientId)
                .setSeverity(io.vigie.events.Severity.HIGH).build());

        // then the CRITICAL notice goes out on both, each delivery published on its own; the HIGH one by email only
        // (the security lead on duty gets the CRITICAL incident's SMS of its own: not the client's)
        assertThat(awaitClientNotified(critical, all -> all.stream().filter(e -> e.getClientId().equals(clientId))
                .count() == 2)).filteredOn(e -> e.getClientId().equals(clientId))
                .extracting(e -> e.getChannel() + " " + e.getOutcome())
                .containsExactlyInAnyOrder("EMAIL SENT", "SMS SENT");
        assertThat(awaitClientNotified(high, all -> all.size() == 1))
                .extracting(e -> e.getChannel() + " " + e.getOutcome()).containsExactly("EMAIL SENT");
        assertThat(smsTo(contact.phone())).hasSize(1);
        assertThat(awaitMails(contact.email(), 2)).hasSize(2);
        assertThat(jdbc.queryForList("SELECT d.channel || ' ' || d.state FROM delivery d JOIN notice n "
                + "ON n.id = d.notice_id WHERE n.incident_id = ? AND n.client_id = ?", String.class, critical, clientId))
                .containsExactlyInAnyOrder("EMAIL SENT", "SMS SENT");

        // and out of band, the email is held back even for CRITICAL: SMS only
        UUID compromised = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, compromised.toString(), opened(compromised,
                IncidentCategory.ACCOUNT_COMPROMISE, clientId).setSeverity(io.vigie.events.Severity.CRITICAL)
                .setAffectedClients(List.of(AffectedClient.newBuilder().setClientId(clientId)
                        .setEmailMayBeCompromised(true).build())).build());
        assertThat(awaitClientNotified(compromised, all -> all.stream()
                .anyMatch(e -> e.getClientId().equals(clientId)))).filteredOn(e -> e.getClientId().equals(clientId))
                .extracting(e -> e.getChannel() + " " + e.getOutcome()).containsExactly("SMS SENT");
        assertThat(mailsTo(contact.email())).hasSize(2);
    }

    @Test
    void shouldTryTheContactsNextChannelWhenEmailKeepsFailing() throws Exception {
        String clientId = unique("fallback");
        Contact contact = contact(clientId, "fay", "fr", true);
        client(clientId, Severity.LOW, List.of(Channel.EMAIL, Channel.SMS), false, contact);
        UUID incidentId = UUID.randomUUID();
        smtpDown();
        try {
            publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                    opened(incidentId, IncidentCategory.MALWARE, clientId).build());
            awaitClientNotified(incidentId, all -> all.stream().anyMatch(e -> e.getOutcome() == DeliveryOutcome.SENT));
        } finally {
            smtpUp();
        }

        List<ClientNotified> events = clientNotified(incidentId);
        assertThat(events).filteredOn(e -> e.getChannel() == io.vigie.events.Channel.EMAIL)
                .hasSize(5).allMatch(e -> e.getOutcome() == DeliveryOutcome.FAILED);
        assertThat(events).filteredOn(e -> e.getOutcome() == DeliveryOutcome.SENT).singleElement()
                .satisfies(sent -> assertThat(sent.getChannel()).isEqualTo(io.vigie.events.Channel.SMS));
        assertThat(smsTo(contact.phone())).singleElement()
                .satisfies(sms -> assertThat(sms.text()).contains("http://vigie.test/ack?t="));
        assertThat(mailsTo(contact.email())).isEmpty();
    }

    @Test
    void shouldReachContactsOutOfBandWhenTheirEmailMayBeCompromised() throws Exception {
        String clientId = unique("oob");
        Contact contact = contact(clientId, "olga", "en", true);
        client(clientId, Severity.LOW, List.of(Channel.EMAIL, Channel.SMS), false, contact);
        UUID incidentId = UUID.randomUUID();

        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened(incidentId,
                IncidentCategory.ACCOUNT_COMPROMISE, clientId).setAffectedClients(List.of(AffectedClient.newBuilder()
                .setClientId(clientId).setEmailMayBeCompromised(true).build())).build());

        ClientNotified sent = awaitClientNotified(incidentId, all -> !all.isEmpty()).get(0);
        assertThat(sent.getOutcome()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(sent.getChannel()).isEqualTo(io.vigie.events.Channel.SMS);
        assertThat(sent.getOutOfBand()).isTrue();
        assertThat(sent.getRecipient()).startsWith("+33").endsWith(contact.phone().substring(contact.phone().length() - 2))
                .contains("*");
        assertThat(smsTo(contact.phone())).singleElement().satisfies(sms -> {
            assertThat(sms.text()).startsWith("Security incident ").contains("compromised account")
                    .contains("Repeated attempts were made to log in");
            assertThat(RAW_ALERT_STRINGS).noneMatch(sms.text()::contains);
        });
        assertThat(mailsTo(contact.email())).isEmpty();
    }

    @Test
    void shouldUseSmsForAClientFlaggedOutOfBandAndReportAContactItCannotReach() throws Exception {
        String clientId = unique("flagged");
        Contact reachable = contact(clientId, "paul", "fr", true);
        Contact emailOnly = contact(clientId, "emma", "fr", false);
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), true, reachable, emailOnly);
        UUID incidentId = UUID.randomUUID();

        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.DATA_BREACH, clientId).build());

        List<ClientNotified> events = awaitClientNotified(incidentId, all -> all.size() >= 2);
        assertThat(events).filteredOn(e -> e.getContactId().equals("paul")).singleElement().satisfies(e -> {
            assertThat(e.getOutcome()).isEqualTo(DeliveryOutcome.SENT);
            assertThat(e.getChannel()).isEqualTo(io.vigie.events.Channel.SMS);
        });
        assertThat(events).filteredOn(e -> e.getContactId().equals("emma")).singleElement().satisfies(e -> {
            assertThat(e.getOutcome()).isEqualTo(DeliveryOutcome.FAILED);
            assertThat(e.getError()).contains("no phone number");
        });
        assertThat(smsTo(reachable.phone())).hasSize(1);
        assertThat(mailsTo(reachable.email())).isEmpty();
        assertThat(mailsTo(emailOnly.email())).isEmpty();
    }

    @Test
    void shouldRefuseAWebhookToAPrivateOrMetadataAddressAndStillMailTheContacts() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer ticketing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ticketing.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        ticketing.start();
        try {
            String loopback = webhookClient("http://127.0.0.1:" + ticketing.getAddress().getPort() + "/hooks");
            String metadata = webhookClient("http://169.254.169.254/latest/meta-data/");
            UUID incidentId = UUID.randomUUID();

            publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                    opened(incidentId, IncidentCategory.MALWARE, loopback, metadata).build());

            List<ClientNotified> events = awaitClientNotified(incidentId, all -> all.size() >= 4);
            assertThat(events).filteredOn(e -> e.getChannel() == io.vigie.events.Channel.WEBHOOK).hasSize(2)
                    .allSatisfy(e -> {
                        assertThat(e.getOutcome()).isEqualTo(DeliveryOutcome.FAILED);
                        assertThat(e.getAttempt()).isEqualTo(1);
                        assertThat(e.getError()).startsWith("Webhook refused")
                                .containsAnyOf("127.0.0.1", "169.254.169.254");
                    });
            assertThat(events).filteredOn(e -> e.getChannel() == io.vigie.events.Channel.EMAIL).hasSize(2)
                    .allMatch(e -> e.getOutcome() == DeliveryOutcome.SENT);
            assertThat(requests).hasValue(0);
        } finally {
            ticketing.stop(0);
        }
    }

    private String webhookClient(String url) {
        String clientId = unique("webhook");
        directory.saveAll(List.of(new Client(clientId, "Client " + clientId, Severity.LOW,
                List.of(Channel.WEBHOOK, Channel.EMAIL), false, url, "webhook-secret-of-the-client",
                List.of(contact(clientId, "wes", "en", false)))));
        return clientId;
    }
}
