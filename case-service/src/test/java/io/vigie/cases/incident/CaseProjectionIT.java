package io.vigie.cases.incident;

import io.vigie.cases.CaseServiceTestBase;
import io.vigie.cases.timeline.Timeline;
import io.vigie.cases.timeline.TimelineEntry;
import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.Channel;
import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentClosed;
import io.vigie.events.NoticeStage;
import io.vigie.events.ResponseMetrics;
import io.vigie.events.Severity;
import io.vigie.events.SourceKind;
import io.vigie.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

public class CaseProjectionIT extends CaseServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CaseQueries cases;

    @Autowired
    CaseProjection projection;

    @Autowired
    Timeline timeline;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void shouldBuildTheCaseFromTheClassificationAndTheClientNotices() throws Exception {
        UUID incidentId = openIncident(Severity.HIGH, "Locked account on mail-01", "acme", "globex");

        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), notice(incidentId, "acme", DeliveryOutcome.SENT));
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), notice(incidentId, "globex", DeliveryOutcome.FAILED));
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                notice(incidentId, "acme", DeliveryOutcome.ACKNOWLEDGED));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 4);

        IncidentCase c = cases.get(incidentId);
        assertThat(c.status()).isEqualTo(CaseStatus.NOTIFIED);
        assertThat(c.severity()).isEqualTo(io.vigie.cases.incident.Severity.HIGH);
        assertThat(c.clocks().firstNotifiedAt()).isNotNull();
        assertThat(c.clocks().firstAcknowledgedAt()).isNotNull();
        assertThat(cases.clients(incidentId)).extracting(ClientNotice::clientId, ClientNotice::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", NoticeStatus.ACKNOWLEDGED),
                        org.assertj.core.groups.Tuple.tuple("globex", NoticeStatus.FAILED));
        var response = get("viewer", "/api/cases/" + incidentId);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"NOTIFIED\"").contains("Locked account on mail-01")
                .contains("\"clientId\":\"globex\"");
    }

    @Test
    void shouldChangeNothingWhenEventsAreDeliveredAgain() {
        UUID incidentId = UUID.randomUUID();
        AlertClassified opened = classified(incidentId, UUID.randomUUID(), Severity.MEDIUM, "Phishing wave",
                ClassificationChange.OPENED, false, "acme");
        ClientNotified sent = notice(incidentId, "acme", DeliveryOutcome.SENT);
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened);
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), sent);
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 2);

        // a replay: the same events, same ids; then one new event, so we know the replay was consumed before it
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), opened);
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), sent);
        AlertClassified attached = classified(incidentId, UUID.randomUUID(), Severity.MEDIUM, "Phishing wave",
                ClassificationChange.ATTACHED, false, "acme");
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), attached);
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), notice(incidentId, "acme", DeliveryOutcome.SENT));

        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) >= 4);
        assertThat(timelineSize(incidentId)).isEqualTo(4);
        assertThat(cases.alerts(incidentId)).hasSize(2);
    }

    @Test
    void shouldKeepANoticeThatOvertookItsClassification() {
        UUID incidentId = UUID.randomUUID();
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), notice(incidentId, "acme", DeliveryOutcome.SENT));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 1);
        assertThat(cases.get(incidentId).classified()).isFalse();

        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), classified(incidentId, UUID.randomUUID(),
                Severity.CRITICAL, "Ransomware on file server", ClassificationChange.OPENED, false, "acme"));
        awaitCase(incidentId);

        IncidentCase c = cases.get(incidentId);
        assertThat(c.headline().title()).isEqualTo("Ransomware on file server");
        assertThat(c.status()).isEqualTo(CaseStatus.NOTIFIED);
        assertThat(cases.clients(incidentId)).extracting(ClientNotice::status).containsExactly(NoticeStatus.SENT);
    }

    @Test
    void shouldEscalateAndAttachTheRaisedAlertsDetails() {
        UUID incidentId = openIncident(Severity.MEDIUM, "Suspicious logins", "acme");
        UUID alertId = UUID.randomUUID();
        publish(Topics.ALERT_RAISED, "mail-02", raised(alertId, "splunk-paris"));
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(), classified(incidentId, alertId, Severity.CRITICAL,
                "Suspicious logins", ClassificationChange.ESCALATED, true, "acme", "initech"));

        await().atMost(Duration.ofSeconds(30)).until(() -> cases.get(incidentId).severity()
                == io.vigie.cases.incident.Severity.CRITICAL && cases.alerts(incidentId).size() == 2
                && cases.alerts(incidentId).stream().anyMatch(alert -> "splunk-paris".equals(alert.sourceName())));
        IncidentCase c = cases.get(incidentId);
        assertThat(c.scope().personalData()).isTrue();
        assertThat(cases.clients(incidentId)).extracting(ClientNotice::clientId).containsExactly("acme", "initech");
    }

    @Test
    void shouldHandleAPollOfClassificationsAndRaisedAlertsAsIfOneByOne() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID opening = UUID.randomUUID();
        UUID attachedAlert = UUID.randomUUID();
        UUID escalating = UUID.randomUUID();
        AlertClassified attached = classified(first, attachedAlert, Severity.HIGH, "Locked accounts",
                ClassificationChange.ATTACHED, false, "globex");
        List<Classification> poll = Stream.of(
                classified(first, opening, Severity.HIGH, "Locked accounts", ClassificationChange.OPENED, false, "acme"),
                attached,
                classified(second, UUID.randomUUID(), Severity.LOW, "Port scan", ClassificationChange.OPENED, false,
                        "acme"),
                classified(first, escalating, Severity.CRITICAL, "Locked accounts", ClassificationChange.ESCALATED,
                        true, "initech"),
                attached).map(EventMapper::toClassification).toList();

        transactions.executeWithoutResult(status -> projection.onClassified(poll));
        // The alerts as raised: two overtaken by their classification, one not classified yet, one delivered twice.
        RaisedAlert unclassified = EventMapper.toRaisedAlert(raised(UUID.randomUUID(), "wazuh-lyon"));
        List<RaisedAlert> raisedPoll = List.of(EventMapper.toRaisedAlert(raised(opening, "splunk-paris")),
                unclassified, EventMapper.toRaisedAlert(raised(attachedAlert, "splunk-paris")), unclassified);
        transactions.executeWithoutResult(status -> projection.onRaised(raisedPoll));

        IncidentCase c = cases.get(first);
        assertThat(c.classified()).isTrue();
        assertThat(c.severity()).isEqualTo(io.vigie.cases.incident.Severity.CRITICAL);
        assertThat(c.scope().personalData()).isTrue();
        assertThat(cases.clients(first)).extracting(ClientNotice::clientId).containsExactly("acme", "globex", "initech");
        assertThat(cases.alerts(first)).extracting(AttachedAlert::alertId)
                .containsExactlyInAnyOrder(opening, attachedAlert, escalating);
        assertThat(cases.alerts(first)).filteredOn(alert -> "splunk-paris".equals(alert.sourceName())).hasSize(2);
        assertThat(timeline.entries(first)).extracting(TimelineEntry::content).satisfiesExactly(
                entry -> assertThat(entry).startsWith("Incident opened: HIGH"),
                entry -> assertThat(entry).startsWith("Alert attached: HIGH"),
                entry -> assertThat(entry).startsWith("Escalated from HIGH to CRITICAL"),
                entry -> assertThat(entry).startsWith("Alert from splunk-paris"),
                entry -> assertThat(entry).startsWith("Alert from splunk-paris"));
        assertThat(timeline.verify(first).intact()).isTrue();
        assertThat(cases.get(second).severity()).isEqualTo(io.vigie.cases.incident.Severity.LOW);
        assertThat(timeline.entries(second)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_alert WHERE alert_id = ? AND incident_id IS NULL",
                Integer.class, unclassified.alertId())).isEqualTo(1);

        // The same polls again (a replay): nothing changes.
        transactions.executeWithoutResult(status -> projection.onClassified(poll));
        transactions.executeWithoutResult(status -> projection.onRaised(raisedPoll));
        assertThat(timeline.entries(first)).hasSize(5);
        assertThat(cases.alerts(first)).hasSize(3);
    }

    @Test
    void shouldKeepASuggestedClientUntilAnAlertOrANoticeShowsItAffected() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // One poll: initech suggested then affected, hooli affected then suggested, umbrella and soylent suggested only.
        List<Classification> poll = Stream.of(
                suggesting(classified(first, UUID.randomUUID(), Severity.HIGH, "Leaked CRM export",
                        ClassificationChange.OPENED, true, "acme", "hooli"), "initech", "umbrella", "soylent"),
                classified(first, UUID.randomUUID(), Severity.HIGH, "Leaked CRM export",
                        ClassificationChange.ESCALATED, true, "initech"),
                suggesting(classified(first, UUID.randomUUID(), Severity.HIGH, "Leaked CRM export",
                        ClassificationChange.ATTACHED, false), "hooli", "umbrella"),
                suggesting(classified(second, UUID.randomUUID(), Severity.LOW, "Port scan",
                        ClassificationChange.OPENED, false), "initech"))
                .map(EventMapper::toClassification).toList();

        transactions.executeWithoutResult(status -> projection.onClassified(poll));

        assertThat(cases.suggestedClients(first)).extracting(SuggestedClient::clientId)
                .containsExactly("soylent", "umbrella");
        assertThat(cases.suggestedClients(first).get(1).assets()).containsExactly("crm-umbrella");
        assertThat(cases.clients(first)).extracting(ClientNotice::clientId).containsExactly("acme", "hooli", "initech");
        assertThat(cases.suggestedClients(second)).extracting(SuggestedClient::clientId).containsExactly("initech");
        assertThat(cases.clients(second)).isEmpty();
        assertThat(timeline.entries(first).get(0).content())
                .contains("Suggested clients (not notified until confirmed): initech, umbrella, soylent");

        // notification-service writing to soylent's contacts (in German): it was affected after all
        transactions.executeWithoutResult(status -> projection.on(EventMapper.toDelivery(
                notice(first, "soylent", DeliveryOutcome.SENT, "de"))));
        transactions.executeWithoutResult(status -> projection.on(EventMapper.toDelivery(
                notice(first, "acme", DeliveryOutcome.SENT, "fr"))));
        transactions.executeWithoutResult(status -> projection.on(EventMapper.toDelivery(
                notice(first, "acme", DeliveryOutcome.ACKNOWLEDGED, "de"))));
        transactions.executeWithoutResult(status -> projection.on(EventMapper.toDelivery(
                notice(first, "hooli", DeliveryOutcome.SENT, "xx"))));
        assertThat(cases.suggestedClients(first)).extracting(SuggestedClient::clientId).containsExactly("umbrella");
        assertThat(cases.contactLanguages(first)).containsExactly(
                Map.entry("acme", List.of(Language.FR, Language.DE)), Map.entry("soylent", List.of(Language.DE)));
        assertThat(cases.clientTextLanguages(first)).containsExactly(Language.FR, Language.DE);
        assertThat(cases.clientTextLanguages(second)).as("no notice yet: every language")
                .containsExactly(Language.FR, Language.EN, Language.DE);

        // The same poll again (a replay): nothing changes.
        transactions.executeWithoutResult(status -> projection.onClassified(poll));
        assertThat(cases.suggestedClients(first)).extracting(SuggestedClient::clientId).containsExactly("umbrella");
    }

    @Test
    void shouldCloseTheCaseWhenItsPostmortemIsApproved() {
        UUID incidentId = openIncident(Severity.LOW, "Port scan", "acme");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.INCIDENT_CLOSED, incidentId.toString(), IncidentClosed.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("postmortem-service")
                .setIncidentId(incidentId).setPostmortemId(UUID.randomUUID()).setApprovedBy("marie")
                .setApprovedAt(now).setRootCause("Exposed management port")
                .setMetrics(ResponseMetrics.newBuilder().build()).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> cases.get(incidentId).status() == CaseStatus.CLOSED);
        assertThat(cases.list(CaseFilter.active())).extracting(IncidentCase::id).doesNotContain(incidentId);
    }

    @Test
    void shouldHoldANoticeWithoutCountingItSentUntilADeliveryOfItIsSent() throws Exception {
        // given a CRITICAL incident whose initial notice to acme waits for review, for a French and a German contact
        UUID incidentId = openIncident(Severity.CRITICAL, "Ransomware note on the file server", "acme", "globex");
        UUID noticeId = UUID.randomUUID();
        Instant heldUntil = clock.instant().plus(Duration.ofMinutes(12)).truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), notice(incidentId, "globex", DeliveryOutcome.FAILED));
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), held(incidentId, "acme", noticeId, "fr", heldUntil));
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), held(incidentId, "acme", noticeId, "de", heldUntil));
        // a held notice for a client whose last notice failed: the failure, being retried, stays what the case shows
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), held(incidentId, "globex", UUID.randomUUID(), "en",
                heldUntil));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 5);

        // then nothing of it counts as sent: no first notice, the notify clock runs, the client's notice is HELD
        IncidentCase c = cases.get(incidentId);
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.clocks().firstNotifiedAt()).isNull();
        assertThat(cases.clients(incidentId)).extracting(ClientNotice::clientId, ClientNotice::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", NoticeStatus.HELD),
                        org.assertj.core.groups.Tuple.tuple("globex", NoticeStatus.FAILED));
        assertThat(cases.heldNotices(incidentId)).filteredOn(h -> h.notice().id().equals(noticeId)).singleElement()
                .satisfies(h -> {
                    assertThat(h.notice()).isEqualTo(new Notice(noticeId, "acme", "INITIAL", 1));
                    assertThat(h.languages()).containsExactly(Language.FR, Language.DE);
                    assertThat(h.heldUntil()).isEqualTo(heldUntil);
                    assertThat(h.state(clock.instant())).isEqualTo(HeldNotice.State.AWAITING_REVIEW);
                });
        assertThat(cases.awaitingReview(List.of(incidentId), clock.instant()))
                .containsExactly(Map.entry(incidentId, new AwaitingReview(2, heldUntil)));
        JsonNode details = JSON.readTree(get("viewer", "/api/cases/" + incidentId).body());
        assertThat(clock(details, "NOTIFY").get("state").asString()).isEqualTo("RUNNING");
        JsonNode heldNotice = details.get("heldNotices").get(0);
        assertThat(heldNotice.get("noticeId").asString()).isEqualTo(noticeId.toString());
        assertThat(heldNotice.get("clientId").asString()).isEqualTo("acme");
        assertThat(heldNotice.get("stage").asString()).isEqualTo("INITIAL");
        assertThat(heldNotice.get("sequence").asInt()).isEqualTo(1);
        assertThat(heldNotice.get("languages").get(0).asString()).isEqualTo("fr");
        assertThat(heldNotice.get("languages").get(1).asString()).isEqualTo("de");
        assertThat(Instant.parse(heldNotice.get("heldUntil").asString())).isEqualTo(heldUntil);
        assertThat(heldNotice.get("state").asString()).isEqualTo("AWAITING_REVIEW");
        assertThat(timeline.entries(incidentId).get(2).content())
                .startsWith("INITIAL notice 1 to acme by EMAIL in fr: HELD for review, goes out by itself at "
                        + heldUntil);

        // when notification-service reports the notice sent (approved elsewhere or its hold over)
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(),
                delivered(incidentId, "acme", noticeId, DeliveryOutcome.SENT, "fr"));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(incidentId) == 6);

        // then it is no longer waiting, and it counts as the first notice
        IncidentCase sent = cases.get(incidentId);
        assertThat(sent.status()).isEqualTo(CaseStatus.NOTIFIED);
        assertThat(sent.clocks().firstNotifiedAt()).isNotNull();
        assertThat(cases.clients(incidentId).get(0).status()).isEqualTo(NoticeStatus.SENT);
        assertThat(cases.heldNotices(incidentId)).filteredOn(h -> h.notice().id().equals(noticeId)).singleElement()
                .satisfies(h -> assertThat(h.state(clock.instant())).isEqualTo(
                        HeldNotice.State.RELEASED_AUTOMATICALLY));
        assertThat(cases.awaitingReview(List.of(incidentId), clock.instant()).get(incidentId).notices()).isEqualTo(1);
        assertThat(clock(JSON.readTree(get("viewer", "/api/cases/" + incidentId).body()), "NOTIFY").get("state")
                .asString()).isEqualTo("MET");
    }

    @Test
    void shouldNoLongerCountAHeldNoticeAsAwaitingReviewOncePastItsTime() throws Exception {
        UUID incidentId = openIncident(Severity.HIGH, "Leaked mailbox export", "acme");
        UUID noticeId = UUID.randomUUID();
        Instant heldUntil = clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.CLIENT_NOTIFIED, incidentId.toString(), held(incidentId, "acme", noticeId, "en", heldUntil));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.heldNotices(incidentId).size() == 1);
        assertThat(cases.awaitingReview(List.of(incidentId), clock.instant())).containsKey(incidentId);

        clock.advance(Duration.ofMinutes(11));

        assertThat(cases.heldNotices(incidentId).get(0).state(clock.instant())).isEqualTo(HeldNotice.State.RELEASING);
        assertThat(cases.awaitingReview(List.of(incidentId), clock.instant())).isEmpty();
        assertThat(get("viewer", "/api/cases/" + incidentId).body()).contains("\"state\":\"RELEASING\"");
        assertThat(cases.get(incidentId).clocks().firstNotifiedAt()).isNull();
    }

    private static JsonNode clock(JsonNode details, String kind) {
        for (JsonNode clock : details.get("clocks")) {
            if (clock.get("kind").asString().equals(kind)) {
                return clock;
            }
        }
        throw new AssertionError("no " + kind + " clock in " + details);
    }

    /** One delivery of a held notice: to a contact reading {@code language}, by email. */
    public static ClientNotified held(UUID incidentId, String client, UUID noticeId, String language,
                                      Instant heldUntil) {
        return ClientNotified.newBuilder(delivered(incidentId, client, noticeId, DeliveryOutcome.HELD, language))
                .setHeldUntil(heldUntil).build();
    }

    /** A delivery of the INITIAL notice {@code noticeId}. */
    public static ClientNotified delivered(UUID incidentId, String client, UUID noticeId, DeliveryOutcome outcome,
                                           String language) {
        return ClientNotified.newBuilder(notice(incidentId, client, outcome, language)).setNoticeId(noticeId)
                .setContactId(client + "-" + language).build();
    }

    public static ClientNotified notice(UUID incidentId, String client, DeliveryOutcome outcome) {
        return notice(incidentId, client, outcome, null);
    }

    /** A notice to one of the client's contacts, written in {@code language}. */
    public static ClientNotified notice(UUID incidentId, String client, DeliveryOutcome outcome, String language) {
        return ClientNotified.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setProducer("notification-service").setIncidentId(incidentId).setNoticeId(UUID.randomUUID())
                .setClientId(client).setStage(NoticeStage.INITIAL).setSequence(1).setChannel(Channel.EMAIL)
                .setOutcome(outcome).setRecipient("s***@" + client + ".example")
                .setError(outcome == DeliveryOutcome.FAILED ? "550 mailbox unavailable" : null)
                .setLanguage(language)
                .build();
    }

    private static AlertRaised raised(UUID alertId, String sourceName) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return AlertRaised.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("alert-intake-service")
                .setAlertId(alertId).setSource(SourceKind.SPLUNK).setSourceName(sourceName)
                .setSourceReference("sid-" + alertId).setFingerprint("fp").setTitle("Suspicious logins")
                .setDetectedAt(now).setReceivedAt(now).setAsset("mail-02").build();
    }
}
