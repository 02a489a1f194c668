package io.vigie.notification.notice;

import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.internal.IncidentStore;
import io.vigie.notification.notice.internal.NoticeRows;
import io.vigie.notification.notice.internal.NoticeWriter;
import io.vigie.platform.outbox.Outbox;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack runs the service on H2 in PostgreSQL mode: the migrations and the notice SQL must work there. */
class NoticesOnH2Test {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static JdbcTemplate h2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2)
                .locations("classpath:db/migration/platform", "classpath:db/migration/notification").load().migrate();
        return new JdbcTemplate(h2);
    }

    @Test
    void shouldStoreIncidentsNoticesAndDeliveriesOnH2() {
        JdbcTemplate jdbc = h2();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        IncidentStore incidents = new IncidentStore(jdbc);
        NoticeWriter writer = new NoticeWriter(jdbc, new Outbox(jdbc, clock, () -> { }), clock);
        UUID incidentId = UUID.randomUUID();
        IncidentFacts incident = new IncidentFacts(Category.DATA_BREACH, Severity.HIGH, NOW, true,
                List.of("PERSONAL"), List.of("ACCOUNT_LOCKED"), NOW.plus(1, ChronoUnit.DAYS));
        AffectedClient acme = new AffectedClient("acme", List.of("mail"), List.of(), true, false, List.of("PERSONAL"));
        NoticeContent facts = incident.forClient(acme);
        Client client = new Client("acme", "ACME", Severity.LOW, List.of(Channel.EMAIL, Channel.SMS), false, null,
                null, List.of(new Contact("jm", "Jeanne", null, "j@acme.example", "+33612345678", "fr")));

        incidents.insert(incidentId, incident, NOW);
        incidents.addClient(incidentId, acme);
        incidents.scheduleUpdate(incidentId, "acme", NOW.plus(4, ChronoUnit.HOURS));
        boolean first = writer.create(client, incidentId, Stage.INITIAL, 1, facts, false);
        boolean replay = writer.create(client, incidentId, Stage.INITIAL, 1, facts, false);

        assertThat(first).isTrue();
        assertThat(replay).isFalse();
        assertThat(incidents.nextUpdateSequence(incidentId)).isEqualTo(1);
        assertThat(incidents.dueForUpdate(NOW.plus(5, ChronoUnit.HOURS), 10)).containsExactly(
                new IncidentStore.DueUpdate(incidentId, "acme", NOW.plus(4, ChronoUnit.HOURS)));
        assertThat(incidents.takeScheduledUpdate(incidentId, "acme", NOW.plus(4, ChronoUnit.HOURS),
                NOW.plus(8, ChronoUnit.HOURS))).isTrue();
        assertThat(incidents.find(incidentId).orElseThrow().facts()).isEqualTo(incident);
        assertThat(incidents.clients(incidentId)).extracting(AffectedClient::clientId).containsExactly("acme");
        assertThat(writer.clientsTold(incidentId)).containsExactly("acme");
        Notice notice = new Notices(new NoticeRows(jdbc)).find(NoticeWriter.noticeId(incidentId, "acme", Stage.INITIAL, 1))
                .orElseThrow();
        assertThat(notice.content()).isEqualTo(facts);
        assertThat(jdbc.queryForList("SELECT channel || ':' || state FROM delivery ORDER BY position", String.class))
                .containsExactly("EMAIL:PENDING", "SMS:WAITING");
    }

    @Test
    void shouldTakeOneAnswerPerMessageOnH2() {
        JdbcTemplate jdbc = h2();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        NoticeWriter writer = new NoticeWriter(jdbc, new Outbox(jdbc, clock, () -> { }), clock);
        UUID incidentId = UUID.randomUUID();
        Client client = new Client("acme", "ACME", Severity.LOW, List.of(Channel.EMAIL), false, null, null,
                List.of(new Contact("jm", "Jeanne", null, "j@acme.example", null, "fr"),
                        new Contact("kv", "Katrin", null, "k@acme.example", null, "de")));
        NoticeContent facts = new IncidentFacts(Category.MALWARE, Severity.HIGH, NOW, false, List.of(), List.of(),
                null).forClient(AffectedClient.unknown("acme", false));
        NoticeContent.Answer question = new NoticeContent.Answer(UUID.randomUUID(), "jm", NOW, "Faut-il ?", null,
                null);
        NoticeContent answer = facts.answering("fr", "Oui.", question, true);

        int sequence = writer.nextSequence(incidentId, "acme", Stage.ANSWER);
        boolean first = writer.create(client, incidentId, Stage.ANSWER, sequence, answer, false);
        // the same answer replayed takes the next sequence, and the table still refuses a second answer
        boolean replay = writer.create(client, incidentId, Stage.ANSWER,
                writer.nextSequence(incidentId, "acme", Stage.ANSWER), answer, false);

        assertThat(sequence).isEqualTo(1);
        assertThat(first).isTrue();
        assertThat(replay).isFalse();
        assertThat(jdbc.queryForList("SELECT contact_id FROM delivery", String.class)).containsExactly("jm");
        assertThat(new Notices(new NoticeRows(jdbc)).find(NoticeWriter.noticeId(incidentId, "acme", Stage.ANSWER, 1)).orElseThrow()
                .content().answer()).isEqualTo(question);
        assertThat(writer.lastTold(incidentId, "acme")).as("an answer is not what the client was last told").isEmpty();
    }
}
