package io.vigie.notification.status.internal;

import io.vigie.notification.notice.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a client was told, incident by incident: its notices that actually went out, a delivery SENT to one of its
 * contacts or to its ticketing system. A notice held for review and not released has none, so it is not here. The
 * status the page shows is the one the client was told: a RESOLUTION notice says resolved, a FOLLOW_UP closed.
 */
@Component
public class ClientIncidents {

    public enum State { OPEN, RESOLVED, CLOSED }

    /** The stages whose notices state the incident's facts (an answer to a question, say, does not). */
    private static final Set<Stage> FACTS = EnumSet.of(Stage.INITIAL, Stage.UPDATE, Stage.RESOLUTION,
            Stage.FOLLOW_UP);

    /** A notice that went out to the client, and when it first did. */
    public record Sent(UUID noticeId, Stage stage, Instant sentAt) {
    }

    /** One incident as the client knows it; {@code sent} oldest first. */
    public record Told(UUID incidentId, List<Sent> sent) {

        public State state() {
            if (sent.stream().anyMatch(s -> s.stage() == Stage.FOLLOW_UP)) {
                return State.CLOSED;
            }
            return sent.stream().anyMatch(s -> s.stage() == Stage.RESOLUTION) ? State.RESOLVED : State.OPEN;
        }

        /** When the client was told it ended (resolved or closed); null while it is open. */
        public Instant endedAt() {
            return sent.stream().filter(s -> s.stage() == Stage.RESOLUTION || s.stage() == Stage.FOLLOW_UP)
                    .map(Sent::sentAt).findFirst().orElse(null);
        }

        public Optional<Sent> latestFacts() {
            return sent.stream().filter(s -> FACTS.contains(s.stage())).reduce((first, second) -> second);
        }
    }

    private final JdbcTemplate jdbc;

    public ClientIncidents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every incident the client was told about, the most recently begun first. */
    public List<Told> of(String clientId) {
        List<Told> told = told("", clientId);
        told.sort(Comparator.comparing((Told t) -> t.sent().get(0).sentAt()).reversed());
        return told;
    }

    /** The incident, if this client was told about it: nothing says whether it exists for anyone else. */
    public Optional<Told> one(String clientId, UUID incidentId) {
        return told("AND n.incident_id = ? ", clientId, incidentId).stream().findFirst();
    }

    /** When the client's next scheduled update is due (incident_client.next_update_at), if one is scheduled. */
    public Optional<Instant> nextUpdate(UUID incidentId, String clientId) {
        return jdbc.queryForList("SELECT next_update_at FROM incident_client WHERE incident_id = ? AND client_id = ? "
                        + "AND next_update_at IS NOT NULL", Timestamp.class, incidentId, clientId)
                .stream().findFirst().map(Timestamp::toInstant);
    }

    /** The client's notices that went out, oldest first, grouped by incident in the order each began. */
    private List<Told> told(String andIncident, Object... arguments) {
        Map<UUID, List<Sent>> byIncident = new LinkedHashMap<>();
        jdbc.query("SELECT n.id, n.incident_id, n.stage, MIN(d.sent_at) AS first_sent "
                        + "FROM notice n JOIN delivery d ON d.notice_id = n.id "
                        + "WHERE n.client_id = ? " + andIncident + "AND d.state = 'SENT' "
                        + "GROUP BY n.id, n.incident_id, n.stage ORDER BY first_sent, n.id",
                rs -> {
                    byIncident.computeIfAbsent(rs.getObject("incident_id", UUID.class), id -> new ArrayList<>())
                            .add(new Sent(rs.getObject("id", UUID.class), Stage.valueOf(rs.getString("stage")),
                                    rs.getTimestamp("first_sent").toInstant()));
                }, arguments);
        List<Told> told = new ArrayList<>();
        byIncident.forEach((incidentId, sent) -> told.add(new Told(incidentId, List.copyOf(sent))));
        return told;
    }
}
