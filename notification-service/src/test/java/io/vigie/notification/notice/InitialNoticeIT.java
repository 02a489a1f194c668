package io.vigie.notification.notice;

import io.vigie.events.AlertClassified;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.NoticeStage;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.internal.NoticeWriter;
import io.vigie.notification.wording.LanguageCheck;
import io.vigie.notification.wording.PhraseBook;
import io.vigie.notification.wording.Phrases;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InitialNoticeIT extends NotificationIntegrationTest {

    @Autowired
    private Phrases phrases;

    @ParameterizedTest
    @EnumSource(value = IncidentCategory.class, names = {"ACCOUNT_COMPROMISE", "DATA_BREACH", "DDOS_OUTAGE", "MALWARE"})
    void shouldMailOneInitialNoticePerContactWithEverySectionInTheirLanguageOnly(IncidentCategory category)
            throws Exception {
        // given a client with a French, an English and a German contact
        String clientId = unique("acme");
        client(clientId, Severity.MEDIUM, List.of(Channel.EMAIL), false,
                contact(clientId, "jeanne", "fr", false), contact(clientId, "john", "en", false),
                contact(clientId, "jutta", "de", false));
        UUID incidentId = UUID.randomUUID();

        // when triage opens an incident that affects it
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened(incidentId, category, clientId).build());

        // then each contact gets one email with every section of the notice, in their language and no other
        Category ours = Category.valueOf(category.name());
        assertSections(awaitMails("jeanne@" + clientId + ".test", 1).get(0), clientId, ours, "fr");
        assertSections(awaitMails("john@" + clientId + ".test", 1).get(0), clientId, ours, "en");
        assertSections(awaitMails("jutta@" + clientId + ".test", 1).get(0), clientId, ours, "de");
        UUID noticeId = NoticeWriter.noticeId(incidentId, clientId, Stage.INITIAL, 1);
        assertThat(mailsTo("jeanne@" + clientId + ".test").get(0).getMessageID())
                .startsWith("<" + noticeId + ".jeanne@");

        // and each delivery is published, with the template used and the recipient masked
        List<ClientNotified> events = awaitClientNotified(incidentId, all -> all.size() >= 3);
        assertThat(events).hasSize(3).allSatisfy(event -> {
            assertThat(event.getOutcome()).isEqualTo(DeliveryOutcome.SENT);
            assertThat(event.getStage()).isEqualTo(NoticeStage.INITIAL);
            assertThat(event.getNoticeId()).isEqualTo(noticeId);
            assertThat(event.getChannel()).isEqualTo(io.vigie.events.Channel.EMAIL);
            assertThat(event.getRecipient()).matches("j\\*\\*\\*@" + clientId + "\\.test");
        });
        assertThat(events).extracting(ClientNotified::getTemplateId).containsExactlyInAnyOrder(
                "INITIAL/DEFAULT/fr", "INITIAL/DEFAULT/en", "INITIAL/DEFAULT/de");
        assertThat(mailsTo("jeanne@" + clientId + ".test")).hasSize(1);
        assertThat(mailsTo("john@" + clientId + ".test")).hasSize(1);
    }

    @Test
    void shouldSendNothingMoreWhenTheClassificationIsRedeliveredOrReplayed() throws Exception {
        String clientId = unique("replay");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "ann", "en", false));
        String sentinelClient = unique("sentinel");
        client(sentinelClient, Severity.LOW, List.of(Channel.EMAIL), false, contact(sentinelClient, "sam", "en", false));
        UUID incidentId = UUID.randomUUID();
        AlertClassified event = opened(incidentId, IncidentCategory.MALWARE, clientId).build();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), event);
        awaitMails("ann@" + clientId + ".test", 1);

        // when the same event is delivered again, and the incident's opening is replayed under a new event id
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), event);
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                AlertClassified.newBuilder(event).setEventId(UUID.randomUUID()).build());
        // and a later event on the same partition shows both were handled
        UUID sentinel = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(sentinel, IncidentCategory.MALWARE, sentinelClient).build());
        awaitMails("sam@" + sentinelClient + ".test", 1);
        awaitClientNotified(sentinel, all -> all.size() == 1);

        // then the client still has exactly one notice, and one ClientNotified
        assertThat(mailsTo("ann@" + clientId + ".test")).hasSize(1);
        assertThat(clientNotified(incidentId)).hasSize(1);
    }

    @Test
    void shouldTellOnlyClientsWhoseMinimumSeverityIsMetAndOnlyWhenTriageSaysSo() throws Exception {
        String critical = unique("only-critical");
        client(critical, Severity.CRITICAL, List.of(Channel.EMAIL), false, contact(critical, "carl", "en", false));
        String everything = unique("everything");
        client(everything, Severity.LOW, List.of(Channel.EMAIL), false, contact(everything, "eve", "fr", false));
        UUID incidentId = UUID.randomUUID();
        UUID silent = UUID.randomUUID();

        // a HIGH incident affecting both, then one triage decided not to tell clients about
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.PHISHING, critical, everything).build());
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(silent, IncidentCategory.PHISHING, everything).setNotifyClients(false).build());
        UUID sentinel = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(sentinel, IncidentCategory.OTHER, everything).setTitle("sentinel").build());

        awaitClientNotified(sentinel, all -> all.size() == 1);
        assertThat(mailsTo("carl@" + critical + ".test")).isEmpty();
        assertThat(mailsTo("eve@" + everything + ".test")).hasSize(2);
        assertThat(clientNotified(silent)).isEmpty();
    }

    @Test
    void shouldTellASuggestedClientNothingUntilAnAnalystConfirmsIt() throws Exception {
        // given a client that an alert names but neither the inventory nor a bound source vouches for
        String named = unique("named");
        client(named, Severity.LOW, List.of(Channel.EMAIL), false, contact(named, "nina", "en", false));
        String owner = unique("owner");
        client(owner, Severity.LOW, List.of(Channel.EMAIL), false, contact(owner, "otto", "de", false));
        UUID incidentId = UUID.randomUUID();
        AlertClassified opened = opened(incidentId, IncidentCategory.MALWARE, owner)
                .setSuggestedClients(List.of(io.vigie.events.AffectedClient.newBuilder().setClientId(named)
                        .setServices(List.of("Webmail " + named)).build())).build();

        // when triage opens the incident: the affected client is told, the suggested one is not
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened);
        awaitMails("otto@" + owner + ".test", 1);
        awaitClientNotified(incidentId, all -> all.size() == 1);
        assertThat(mailsTo("nina@" + named + ".test")).isEmpty();

        // then an analyst confirms it: it gets its first notice, the other client nothing more
        publish(Topics.INCIDENT_UPDATED, incidentId.toString(), IncidentUpdated.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setProducer("case-service")
                .setIncidentId(incidentId).setKind(UpdateKind.CLIENTS_CONFIRMED).setActor("analyst")
                .setStatus(IncidentStatus.IN_PROGRESS).setSeverity(io.vigie.events.Severity.MEDIUM)
                .setMessage("analyst confirmed " + named).setConfirmedClients(List.of(named))
                .setNotifyClients(true).build());
        String text = parts(awaitMails("nina@" + named + ".test", 1).get(0))[0];
        assertThat(text).contains("Webmail " + named);
        assertThat(awaitClientNotified(incidentId, all -> all.size() == 2)).extracting(ClientNotified::getClientId)
                .containsExactlyInAnyOrder(owner, named);
        assertThat(mailsTo("otto@" + owner + ".test")).hasSize(1);
    }

    @Test
    void shouldShowNothingOfTheRawAlertEvenWhenItIsHostile() throws Exception {
        String clientId = unique("inert");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "ivy", "en", false));
        UUID incidentId = UUID.randomUUID();
        String title = "{{supportContact}} <script>alert('x')</script> Call +1 555 0100 to restore access";
        String summary = "<img src=x onerror=alert(1)> {{#measures}}loop{{/measures}}";

        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened(incidentId, IncidentCategory.OTHER, clientId)
                .setTitle(title).setSummary(summary).build());

        MimeMessage mail = awaitMails("ivy@" + clientId + ".test", 1).get(0);
        String all = mail.getSubject() + String.join("\n", parts(mail));
        assertThat(all).doesNotContain("script", "+1 555 0100", "onerror", "loop");
        assertThat(RAW_ALERT_STRINGS).noneMatch(all::contains);
    }

    private void assertSections(MimeMessage mail, String clientId, Category category, String language)
            throws Exception {
        PhraseBook book = phrases.book(language);
        String[] parts = parts(mail);
        String eta = book.dateTime(Instant.parse("2030-03-01T10:00:00Z"), ZoneId.of("Europe/Paris"));
        assertThat(mail.getSubject()).as(language).isNotBlank().doesNotContain("{{")
                .contains(book.category(category), "Client " + clientId);
        for (String part : List.of(parts[0], parts[1].replace("&#39;", "'"))) {
            assertThat(part).as(language).contains(book.about(category, "context"), book.about(category, "impact"),
                    "Webmail " + clientId, book.measure("ACCOUNT_LOCKED"), book.measure("ATTACK_SOURCES_BLOCKED"),
                    book.about(category, "plan"), eta, book.dataCategory("CREDENTIALS"),
                    book.advice(category).get(0), "Vigie SOC", "http://vigie.test/ack?t");
            assertThat(LanguageCheck.foreignWords(part, language)).as(language).isEmpty();
            assertThat(RAW_ALERT_STRINGS).as(language).noneMatch(part::contains);
        }
        for (String advice : book.advice(category)) {
            assertThat(parts[0]).as(language).containsOnlyOnce(advice);
        }
    }
}
