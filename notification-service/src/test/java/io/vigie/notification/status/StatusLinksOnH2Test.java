package io.vigie.notification.status;

import io.vigie.notification.ack.AckLinks;
import io.vigie.notification.ack.LinkProperties;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.status.internal.ClientIncidents;
import io.vigie.notification.status.internal.StatusLinkRows;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.lang.reflect.Constructor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack runs the service on H2 in PostgreSQL mode, and every notice it renders asks for a status link: the
 * status link and status page SQL must work there, and what the page derives from it must hold.
 */
class StatusLinksOnH2Test {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final JdbcTemplate jdbc = h2();
    private final StatusLinks links = new StatusLinks(new StatusLinkRows(jdbc), ackLinks(),
            new StatusProperties(Duration.ofDays(90), Duration.ofDays(30), Duration.ofSeconds(15)), CLOCK);
    private final ClientIncidents incidents = new ClientIncidents(jdbc);

    @Test
    void shouldReuseAContactsLinkUntilItIsRevokedThenIssueANewOne() {
        client("acme", "jm");

        String first = links.urlFor("acme", "jm");
        String again = links.urlFor("acme", "jm");
        StatusLink link = links.open(token(first)).orElseThrow();

        assertThat(first).startsWith("https://vigie.example/status?t=").isEqualTo(again);
        assertThat(link.clientId()).isEqualTo("acme");
        assertThat(link.state(NOW)).isEqualTo(StatusLink.State.ACTIVE);
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(links.urlFor("acme", "nobody")).isNull();

        assertThat(links.revoke(link.id(), "manager")).isTrue();
        assertThat(links.revoke(link.id(), "comms")).isFalse();
        assertThat(links.find(link.id()).orElseThrow().revokedBy()).isEqualTo("manager");
        String fresh = links.urlFor("acme", "jm");
        assertThat(fresh).isNotEqualTo(first);
        assertThat(links.revokeAll("acme", "manager")).isEqualTo(1);
        assertThat(links.of("acme")).extracting(found -> found.state(NOW))
                .containsOnly(StatusLink.State.REVOKED).hasSize(2);
    }

    @Test
    void shouldIssueANewLinkWhenTheActiveOneHasLessThanHalfItsValidityLeft() {
        client("acme", "jm");
        StatusLink ageing = links.issue("acme", "jm", NOW.plus(Duration.ofDays(40)));

        assertThat(links.open(token(links.url(ageing)))).isPresent();
        assertThat(links.urlFor("acme", "jm")).isNotEqualTo(links.url(ageing));
    }

    @Test
    void shouldNotOpenALinkForAnotherContactOrAnUnknownLink() {
        client("acme", "jm");
        String url = links.urlFor("acme", "jm");
        StatusLink link = links.open(token(url)).orElseThrow();

        assertThat(links.open(token(links.url(new StatusLink(link.id(), "acme", "mallory", NOW, link.expiresAt(),
                null, null))))).isEmpty();
        assertThat(links.open(token(links.url(new StatusLink(UUID.randomUUID(), "acme", "jm", NOW,
                link.expiresAt(), null, null))))).isEmpty();
        assertThat(links.open(null)).isEmpty();
    }

    @Test
    void shouldTellTheIncidentsAClientWasSentWithTheStatusItWasTold() {
        UUID open = UUID.randomUUID();
        UUID resolved = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        notice(open, "acme", Stage.INITIAL, 1, "SENT", NOW.minusSeconds(300));
        notice(open, "acme", Stage.UPDATE, 1, "FAILED", null);
        notice(resolved, "acme", Stage.INITIAL, 1, "SENT", NOW.minusSeconds(900));
        notice(resolved, "acme", Stage.RESOLUTION, 1, "SENT", NOW.minusSeconds(60));
        notice(held, "acme", Stage.INITIAL, 1, "HELD", null);
        notice(UUID.randomUUID(), "globex", Stage.INITIAL, 1, "SENT", NOW);
        jdbc.update("INSERT INTO incident (id, category, severity, status, classified_at, facts, update_sequence) "
                + "VALUES (?, 'PHISHING', 'LOW', 'OPEN', ?, '{}', 0)", open, Timestamp.from(NOW));
        jdbc.update("INSERT INTO incident_client (incident_id, client_id, impact, email_may_be_compromised, "
                + "next_update_at) VALUES (?, 'acme', '{}', FALSE, ?)", open, Timestamp.from(NOW.plusSeconds(3600)));

        assertThat(incidents.of("acme")).extracting(ClientIncidents.Told::incidentId).containsExactly(open, resolved);
        ClientIncidents.Told told = incidents.one("acme", resolved).orElseThrow();
        assertThat(told.state()).isEqualTo(ClientIncidents.State.RESOLVED);
        assertThat(told.endedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(told.sent()).extracting(ClientIncidents.Sent::stage).containsExactly(Stage.INITIAL, Stage.RESOLUTION);
        assertThat(incidents.one("acme", open).orElseThrow().state()).isEqualTo(ClientIncidents.State.OPEN);
        assertThat(incidents.one("acme", held)).isEmpty();
        assertThat(incidents.one("globex", open)).isEmpty();
        assertThat(incidents.nextUpdate(open, "acme")).contains(NOW.plusSeconds(3600));
    }

    private void client(String clientId, String contactId) {
        jdbc.update("INSERT INTO client (id, name, minimum_severity, channels, out_of_band, updated_at) "
                + "VALUES (?, ?, 'LOW', 'EMAIL', FALSE, ?)", clientId, clientId.toUpperCase(), Timestamp.from(NOW));
        jdbc.update("INSERT INTO contact (client_id, id, position, name, language) VALUES (?, ?, 0, 'Jeanne', 'fr')",
                clientId, contactId);
    }

    private void notice(UUID incidentId, String clientId, Stage stage, int sequence, String state, Instant sentAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO notice (id, incident_id, client_id, stage, sequence, category, severity, out_of_band, "
                        + "content, created_at) VALUES (?, ?, ?, ?, ?, 'PHISHING', 'LOW', FALSE, '{}', ?)",
                id, incidentId, clientId, stage.name(), sequence, Timestamp.from(NOW));
        jdbc.update("INSERT INTO delivery (id, notice_id, contact_id, contact_name, channel, position, recipient, "
                        + "language, state, attempts, sent_at) VALUES (?, ?, 'jm', 'Jeanne', 'EMAIL', 0, 'j@x.test', 'fr', "
                        + "?, 1, ?)", UUID.randomUUID(), id, state, sentAt == null ? null : Timestamp.from(sentAt));
    }

    private static String token(String url) {
        return url.substring(url.indexOf("?t=") + 3);
    }

    private static JdbcTemplate h2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2)
                .locations("classpath:db/migration/platform", "classpath:db/migration/notification").load().migrate();
        return new JdbcTemplate(h2);
    }

    /** The real signer; Spring builds it in the service, and its constructor belongs to the ack package. */
    private static AckLinks ackLinks() {
        try {
            Constructor<AckLinks> constructor = AckLinks.class.getDeclaredConstructor(LinkProperties.class,
                    Clock.class);
            constructor.setAccessible(true);
            return constructor.newInstance(new LinkProperties("https://vigie.example",
                    "a-secret-for-the-tests-of-32-chars-or-more", Duration.ofDays(7)), CLOCK);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
