package io.vigie.notification.notice;

import io.vigie.events.AffectedClient;
import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientNotified;
import io.vigie.events.DataCategory;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Measure;
import io.vigie.events.ResponseMetrics;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Client;
import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.wording.LanguageCheck;
import io.vigie.notification.wording.PhraseBook;
import io.vigie.notification.wording.Phrases;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One incident's whole conversation with a client whose contacts read French, English and German, read from the real
 * emails: INITIAL, an escalation UPDATE, an analyst's update written in French only, a scheduled UPDATE, RESOLUTION
 * and FOLLOW_UP. Each contact reads one language, never a raw alert string, under one subject, in one thread.
 */
class StagesIT extends NotificationIntegrationTest {

    @Autowired
    private Phrases phrases;

    @ParameterizedTest
    @EnumSource(value = IncidentCategory.class, names = {"DDOS_OUTAGE", "DATA_BREACH"})
    void shouldKeepEveryContactInformedInTheirLanguageFromClassificationToFollowUp(IncidentCategory category)
            throws Exception {
        String clientId = unique("stages");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "jeanne", "fr", false),
                contact(clientId, "john", "en", false), contact(clientId, "jutta", "de", false));
        String fr = "jeanne@" + clientId + ".test";
        String en = "john@" + clientId + ".test";
        String de = "jutta@" + clientId + ".test";
        UUID incidentId = UUID.randomUUID();
        String key = incidentId.toString();
        boolean breach = category == IncidentCategory.DATA_BREACH;

        // INITIAL on classification (HIGH: updates every 4 h)
        publish(Topics.ALERT_CLASSIFIED, key, opened(incidentId, category, clientId)
                .setSeverity(io.vigie.events.Severity.HIGH).build());
        assertThat(parts(awaitMails(en, 1).get(0))[0]).contains("at least every 4 h");

        // an escalation: CRITICAL, a second service hit (and, for the breach, personal data now concerned)
        List<DataCategory> data = breach ? List.of(DataCategory.CREDENTIALS, DataCategory.PERSONAL)
                : List.of(DataCategory.CREDENTIALS);
        publish(Topics.ALERT_CLASSIFIED, key, escalated(incidentId, category, clientId, data).build());
        // the same escalation again, with nothing new for the client: no UPDATE
        publish(Topics.ALERT_CLASSIFIED, key, escalated(incidentId, category, clientId, data).build());
        for (String address : List.of(fr, en, de)) {
            awaitMails(address, 2);
        }
        for (String language : List.of("fr", "en", "de")) {
            PhraseBook book = phrases.book(language);
            String update = parts(mailsTo(address(language, fr, en, de)).get(1))[0];
            assertThat(update).as(language).contains(
                    book.common("change.severityRaised", Map.of("previousSeverity",
                            book.severity(Severity.HIGH), "severity", book.severity(Severity.CRITICAL))),
                    book.common("change.newServices", Map.of("services", "Portal " + clientId)),
                    book.measure("SYSTEM_ISOLATED"));
            if (breach) {
                assertThat(update).as(language).contains(book.common("change.dataConcerned",
                        Map.of("dataCategories", book.dataCategory("PERSONAL"))));
            }
        }

        // an analyst's update written in French only: it reaches the French contact, nobody else; an internal note none
        publish(Topics.INCIDENT_UPDATED, key, updated(incidentId, Map.of(), false));
        publish(Topics.INCIDENT_UPDATED, key, updated(incidentId,
                Map.of("fr", "Le filtrage est en place en bordure de réseau."), true));
        assertThat(parts(awaitMails(fr, 3).get(2))[0]).contains("Le filtrage est en place en bordure de réseau.")
                .contains("au plus tard dans 2 h");

        // the schedule: two hours without news bring an UPDATE to every contact, which says so
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(parts(awaitMails(fr, 4).get(3))[0]).contains(phrases.book("fr").common("change.nothingNew"));
        assertThat(parts(awaitMails(en, 3).get(2))[0]).contains(phrases.book("en").common("change.nothingNew"));
        assertThat(parts(awaitMails(de, 3).get(2))[0]).contains(phrases.book("de").common("change.nothingNew"));

        // RESOLUTION, with the analyst's words in each language, ends the updates
        publish(Topics.INCIDENT_RESOLVED, key, IncidentResolved.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now()).setProducer("case-service")
                .setIncidentId(incidentId).setResolvedAt(now()).setResolvedBy("analyst")
                .setSeverity(io.vigie.events.Severity.CRITICAL).setCategory(category)
                .setSummary("internal: rate limits raised on lb-edge-02").setCorrectiveActions(List.of("internal"))
                .setClientMessages(Map.of("fr", "Le trafic est revenu à la normale.",
                        "en", "Traffic is back to normal.", "de", "Der Datenverkehr ist wieder normal."))
                .setDataCompromised(false).setAffectedClientIds(List.of(clientId)).build());
        assertThat(parts(awaitMails(en, 4).get(3))[0]).contains("Traffic is back to normal.",
                phrases.book("en").common("resolution.noDataCompromised"));
        clock.advance(Duration.ofHours(3));

        // FOLLOW_UP after closure, with the lessons and the survey
        publish(Topics.INCIDENT_CLOSED, key, IncidentClosed.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now()).setProducer("postmortem-service")
                .setIncidentId(incidentId).setPostmortemId(UUID.randomUUID()).setApprovedBy("manager")
                .setApprovedAt(now()).setRootCause("internal").setLessonsLearned(List.of("internal lesson"))
                .setMetrics(ResponseMetrics.newBuilder().build()).setClientSummary("untagged summary")
                .setClientSummaries(Map.of("fr", "Nous détectons désormais ces attaques plus tôt.",
                        "en", "We now detect such attacks earlier.", "de", "Wir erkennen solche Angriffe jetzt früher."))
                .setAffectedClientIds(List.of(clientId)).build());
        String[] followUp = parts(awaitMails(de, 5).get(4));
        assertThat(followUp[0]).contains("Wir erkennen solche Angriffe jetzt früher.", "http://vigie.test/survey?t=");
        awaitMails(fr, 6);
        awaitMails(en, 5);

        // every email: its contact's language only, nothing of the raw alert, one subject, one thread, advice once
        for (String language : List.of("fr", "en", "de")) {
            List<MimeMessage> mails = mailsTo(address(language, fr, en, de));
            String subject = mails.get(0).getSubject();
            String root = mails.get(0).getMessageID();
            for (MimeMessage mail : mails) {
                String[] parts = parts(mail);
                String all = mail.getSubject() + "\n" + parts[0] + "\n" + parts[1];
                assertThat(LanguageCheck.foreignWords(all, language)).as(language + ": " + mail.getSubject()).isEmpty();
                assertThat(RAW_ALERT_STRINGS).as(language).noneMatch(all::contains);
                assertThat(all).doesNotContain("internal", "untagged summary", "lb-edge-02");
                assertThat(mail.getSubject()).as(language).endsWith(subject);
                if (mail != mails.get(0)) {
                    assertThat(mail.getHeader("In-Reply-To")).as(language).containsExactly(root);
                    assertThat(mail.getHeader("References")).as(language).containsExactly(root);
                }
                for (String advice : phrases.book(language).advice(Category.valueOf(category.name()))) {
                    assertThat(countOf(parts[0], advice)).as(language + ": " + advice).isLessThanOrEqualTo(1);
                }
            }
        }

        // the French contact got the French-only update; the others did not
        List<ClientNotified> events = awaitClientNotified(incidentId, all -> all.stream()
                .filter(e -> e.getClientId().equals(clientId)).count() == 6 + 5 + 5);
        assertThat(stages(events, clientId, "jeanne")).containsExactly("INITIAL#1", "UPDATE#1", "UPDATE#2",
                "UPDATE#3", "RESOLUTION#1", "FOLLOW_UP#1");
        assertThat(stages(events, clientId, "john")).containsExactly("INITIAL#1", "UPDATE#1", "UPDATE#3",
                "RESOLUTION#1", "FOLLOW_UP#1");
        assertThat(stages(events, clientId, "jutta")).containsExactly("INITIAL#1", "UPDATE#1", "UPDATE#3",
                "RESOLUTION#1", "FOLLOW_UP#1");

        // and once the incident became CRITICAL, the security lead on duty was alerted by SMS, once
        List<ClientNotified> onDuty = clientNotified(incidentId).stream()
                .filter(e -> e.getClientId().equals(Client.ON_DUTY)).toList();
        assertThat(onDuty).singleElement().satisfies(e -> {
            assertThat(e.getChannel()).isEqualTo(io.vigie.events.Channel.SMS);
            assertThat(e.getOutcome()).isEqualTo(io.vigie.events.DeliveryOutcome.SENT);
        });
        assertThat(smsTo("+33 6 99 99 99 99")).filteredOn(sms -> sms.text().contains(onDuty.get(0).getNoticeId().toString()))
                .singleElement().satisfies(sms -> assertThat(RAW_ALERT_STRINGS).noneMatch(sms.text()::contains));
    }

    private static io.vigie.events.AlertClassified.Builder escalated(UUID incidentId, IncidentCategory category,
                                                                    String clientId, List<DataCategory> data) {
        return opened(incidentId, category, clientId).setChange(ClassificationChange.ESCALATED)
                .setEventId(UUID.randomUUID()).setSeverity(io.vigie.events.Severity.CRITICAL)
                .setPreviousSeverity(io.vigie.events.Severity.HIGH)
                .setPersonalDataInvolved(data.contains(DataCategory.PERSONAL))
                .setMeasures(List.of(Measure.ACCOUNT_LOCKED, Measure.ATTACK_SOURCES_BLOCKED, Measure.SYSTEM_ISOLATED))
                .setAffectedClients(List.of(AffectedClient.newBuilder().setClientId(clientId)
                        .setServices(List.of("Webmail " + clientId, "Portal " + clientId)).setAssets(List.of("mail-01"))
                        .setDataCategories(data).build()));
    }

    private static String address(String language, String fr, String en, String de) {
        return switch (language) {
            case "fr" -> fr;
            case "de" -> de;
            default -> en;
        };
    }

    private static List<String> stages(List<ClientNotified> events, String clientId, String contactId) {
        List<String> stages = new ArrayList<>();
        events.stream().filter(e -> e.getClientId().equals(clientId) && contactId.equals(e.getContactId()))
                .forEach(e -> stages.add(e.getStage() + "#" + e.getSequence()));
        return stages;
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static IncidentUpdated updated(UUID incidentId, Map<String, String> messages, boolean notifyClients) {
        return IncidentUpdated.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now())
                .setProducer("case-service").setIncidentId(incidentId).setKind(UpdateKind.CLIENT_UPDATE)
                .setActor("analyst").setStatus(IncidentStatus.IN_PROGRESS)
                .setSeverity(io.vigie.events.Severity.CRITICAL).setMessage("internal note")
                .setClientMessages(messages).setNotifyClients(notifyClients).build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
