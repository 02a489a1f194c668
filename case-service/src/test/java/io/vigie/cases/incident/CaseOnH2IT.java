package io.vigie.cases.incident;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.cases.incident.internal.CaseRepository;
import io.vigie.cases.incident.internal.ConversationRepository;
import io.vigie.cases.timeline.Timeline;
import io.vigie.cases.timeline.internal.TimelineRows;
import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.NoticeStage;
import io.vigie.events.Severity;
import io.vigie.events.SurveyAnswered;
import io.vigie.platform.outbox.Outbox;
import io.vigie.platform.outbox.ProcessedEvents;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.vigie.cases.CaseServiceTestBase.classified;
import static io.vigie.cases.CaseServiceTestBase.suggesting;
import static io.vigie.cases.incident.CaseProjectionIT.notice;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack runs case-service on H2 in PostgreSQL mode: the migrations and every query of the case, the
 * commands and the timeline must work there as on PostgreSQL.
 */
class CaseOnH2IT {

    private final DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    private final Clock clock = Clock.systemUTC();

    @Test
    void shouldKeepCasesAndTheirTimelineOnH2() {
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/platform", "classpath:db/migration/case")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(h2));
        CaseRepository repository = new CaseRepository(jdbc);
        ConversationRepository conversations = new ConversationRepository(jdbc);
        Timeline timeline = new Timeline(new TimelineRows(jdbc), clock);
        CaseMeters meters = new CaseMeters(new SimpleMeterRegistry(), repository);
        CaseProjection projection = new CaseProjection(repository, conversations, timeline,
                new ProcessedEvents(jdbc, clock), event -> { }, meters, clock);
        CaseCommands commands = new CaseCommands(repository, conversations, timeline,
                new Outbox(jdbc, clock, () -> { }), event -> { }, meters, clock, resolved -> List.of());
        CaseQueries queries = new CaseQueries(repository, conversations);
        UUID incidentId = UUID.randomUUID();
        UUID early = UUID.randomUUID();

        transactions.executeWithoutResult(status -> projection.on(EventMapper.toDelivery(
                notice(early, "acme", DeliveryOutcome.SENT))));
        Classification opened = EventMapper.toClassification(suggesting(classified(incidentId, UUID.randomUUID(),
                Severity.HIGH, "Locked account", ClassificationChange.OPENED, true, "acme", "globex"), "hooli",
                "umbrella"));
        transactions.executeWithoutResult(status -> projection.on(opened));
        transactions.executeWithoutResult(status -> projection.on(opened));
        transactions.executeWithoutResult(status -> projection.on(EventMapper.toDelivery(
                notice(incidentId, "globex", DeliveryOutcome.FAILED, "de"))));
        transactions.executeWithoutResult(status -> projection.on(EventMapper.toClassification(classified(
                incidentId, UUID.randomUUID(), Severity.CRITICAL, "Locked account", ClassificationChange.ESCALATED,
                false, "initech", "umbrella"))));
        transactions.executeWithoutResult(status -> commands.assign(incidentId, "analyst", "manager"));
        transactions.executeWithoutResult(status -> commands.confirmClient(incidentId, "hooli", "comms"));
        transactions.executeWithoutResult(status -> commands.confirmClient(incidentId, "hooli", "comms"));
        transactions.executeWithoutResult(status -> commands.postClientUpdate(incidentId,
                new ClientUpdate(ClientMessages.of("clientMessages", Map.of("de", "Eingedämmt.")),
                        List.of(Measure.ACCOUNT_LOCKED), List.of(), null, null), "comms"));
        UUID noticeId = UUID.randomUUID();
        Instant heldUntil = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        transactions.executeWithoutResult(status -> projection.on(EventMapper.toDelivery(
                CaseProjectionIT.held(incidentId, "initech", noticeId, "en", heldUntil))));
        transactions.executeWithoutResult(status -> projection.on(EventMapper.toDelivery(
                CaseProjectionIT.held(incidentId, "initech", noticeId, "fr", heldUntil))));
        assertThat(queries.awaitingReview(List.of(incidentId, early), clock.instant()))
                .containsExactly(Map.entry(incidentId, new AwaitingReview(1, heldUntil)));
        transactions.executeWithoutResult(status -> commands.approveNotice(incidentId, noticeId,
                ClientMessages.of("clientMessages", Map.of("en", "We will call you.")), "comms"));
        transactions.executeWithoutResult(status -> commands.approveNotice(incidentId, noticeId,
                ClientMessages.none(), "comms"));
        transactions.executeWithoutResult(status -> projection.on(EventMapper.toDelivery(
                CaseProjectionIT.delivered(incidentId, "initech", noticeId, DeliveryOutcome.SENT, "en"))));
        transactions.executeWithoutResult(status -> commands.resolve(incidentId,
                new Resolution("Restored.", ClientMessages.of("clientMessages", Map.of("en", "Restored.")),
                        List.of("MFA"), false), "analyst"));

        IncidentCase c = queries.get(incidentId);
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.severity()).isEqualTo(io.vigie.cases.incident.Severity.CRITICAL);
        assertThat(c.assignee()).isEqualTo("analyst");
        assertThat(c.scope().personalData()).isTrue();
        assertThat(c.dataCompromised()).isFalse();
        assertThat(queries.clients(incidentId)).extracting(ClientNotice::clientId, ClientNotice::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", NoticeStatus.PENDING),
                        org.assertj.core.groups.Tuple.tuple("globex", NoticeStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple("hooli", NoticeStatus.PENDING),
                        org.assertj.core.groups.Tuple.tuple("initech", NoticeStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple("umbrella", NoticeStatus.PENDING));
        assertThat(queries.suggestedClients(incidentId)).as("hooli confirmed, umbrella affected").isEmpty();
        assertThat(queries.clientTextLanguages(incidentId)).containsExactly(Language.FR, Language.EN, Language.DE);
        assertThat(queries.heldNotices(incidentId)).singleElement().satisfies(held -> {
            assertThat(held.languages()).containsExactly(Language.FR, Language.EN);
            assertThat(held.approvedBy()).isEqualTo("comms");
            assertThat(held.state(clock.instant())).isEqualTo(HeldNotice.State.SENT);
        });
        assertThat(queries.awaitingReview(List.of(incidentId), clock.instant())).isEmpty();
        assertThat(queries.alerts(incidentId)).hasSize(2);
        assertThat(queries.get(early).classified()).isFalse();
        assertThat(timeline.verify(incidentId).intact()).isTrue();
        assertThat(timeline.entries(incidentId)).as("and two held deliveries, one approval, one delivery sent")
                .hasSize(11);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Integer.class)).isEqualTo(5);
        assertThat(queries.list(new CaseFilter(null, CaseStatus.RESOLVED, "globex", "ACCOUNT_COMPROMISE",
                "analyst"))).extracting(IncidentCase::id).containsExactly(incidentId);
        assertThat(queries.list(CaseFilter.active())).extracting(IncidentCase::id).containsExactly(early);
        assertThat(queries.clientIds()).containsExactly("acme", "globex", "hooli", "initech", "umbrella");
        assertThat(queries.openedSince(Instant.now().minus(1, ChronoUnit.DAYS))).hasSize(1);
        assertThat(repository.countActive(io.vigie.cases.incident.Severity.CRITICAL)).isZero();
        assertThat(queries.failedNotices()).isZero();

        // the clients' side: two messages (one delivered twice), answered in writing and by phone, a survey answer
        ClientMessageReceived asked = ClientConversationIT.message(incidentId, "acme", "fr", "Et maintenant ?");
        ClientMessageReceived replied = ClientConversationIT.message(incidentId, "globex", "de", "Und jetzt?");
        for (ClientMessageReceived m : List.of(asked, asked, replied)) {
            transactions.executeWithoutResult(status -> projection.onMessage(EventMapper.toMessageReceived(m)));
        }
        assertThat(queries.questionTimes(List.of(incidentId, early)).get(incidentId)).hasSize(2);
        assertThat(queries.list(CaseFilter.active())).as("resolved, with questions unanswered")
                .extracting(IncidentCase::id).containsExactlyInAnyOrder(early, incidentId);
        transactions.executeWithoutResult(status -> commands.answerClient(incidentId, asked.getMessageId(),
                "Tout est rétabli.", "comms"));
        transactions.executeWithoutResult(status -> commands.logCall(incidentId, new PhoneCall("globex", "Max",
                null, "Told him it is over.", replied.getMessageId()), "analyst"));
        transactions.executeWithoutResult(status -> projection.on(EventMapper.toDelivery(ClientNotified.newBuilder(
                notice(incidentId, "acme", DeliveryOutcome.SENT, "fr")).setStage(NoticeStage.ANSWER)
                .setAnswersMessageId(asked.getMessageId()).build())));
        SurveyAnswered survey = ClientConversationIT.survey(incidentId, "acme", "Anne", 4, 2, false, "Slow.");
        transactions.executeWithoutResult(status -> projection.onSurveyAnswer(EventMapper.toSurveyAnswer(survey)));
        transactions.executeWithoutResult(status -> projection.onSurveyAnswer(EventMapper.toSurveyAnswer(
                SurveyAnswered.newBuilder(survey).setEventId(UUID.randomUUID()).build())));

        assertThat(queries.clientMessages(incidentId)).extracting(ClientMessage::state)
                .containsExactlyInAnyOrder(ClientMessage.State.ANSWERED, ClientMessage.State.ANSWERED_BY_PHONE);
        assertThat(queries.clientMessages(incidentId)).filteredOn(m -> m.id().equals(asked.getMessageId()))
                .singleElement().satisfies(m -> assertThat(m.answer().delivery()).isEqualTo(AnswerDelivery.SENT));
        assertThat(queries.list(CaseFilter.active())).extracting(IncidentCase::id).containsExactly(early);
        assertThat(queries.clientsOf(incidentId)).containsExactly("acme", "globex", "hooli", "initech", "umbrella");
        assertThat(queries.csat(YearMonth.now(ZoneOffset.UTC).minusMonths(1))).singleElement().satisfies(f -> {
            assertThat(f.clientId()).isEqualTo("acme");
            assertThat(f.answers()).isEqualTo(1);
            assertThat(f.handlingText()).isEqualTo("4.0");
            assertThat(f.notAllAnsweredPercent()).isEqualTo(100);
        });
        assertThat(queries.latestSurveyAnswers(5)).extracting(SurveyAnswer::comment).containsExactly("Slow.");
        assertThat(timeline.verify(incidentId).intact()).isTrue();
        assertThat(timeline.entries(incidentId)).as("and two messages, an answer, a call, its delivery, a survey")
                .hasSize(17);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Integer.class)).isEqualTo(7);
    }
}
