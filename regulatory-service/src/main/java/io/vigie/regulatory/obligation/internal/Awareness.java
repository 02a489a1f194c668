package io.vigie.regulatory.obligation.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** When each client became aware of each incident: the start of its regimes' clocks. */
@Repository
public class Awareness {

    private final JdbcTemplate jdbc;

    Awareness(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The client's awareness time, recorded as {@code byDefault} the first time. The default is the incident's first
     * classification: that is when the SOC established an incident (not just an alert), and as the client's processor
     * it must inform the client without undue delay (GDPR Art. 33(2)), so the client is taken as aware from then on
     * unless a manager records otherwise.
     */
    public Instant ensure(UUID incidentId, String clientId, Instant byDefault) {
        jdbc.update("INSERT INTO awareness (incident_id, client_id, aware_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                incidentId, clientId, Timestamp.from(byDefault));
        return find(incidentId, clientId).orElseThrow();
    }

    public Optional<Instant> find(UUID incidentId, String clientId) {
        return jdbc.query("SELECT aware_at FROM awareness WHERE incident_id = ? AND client_id = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), incidentId, clientId).stream().findFirst();
    }

    public boolean change(UUID incidentId, String clientId, Instant awareAt, String actor, String reason) {
        return jdbc.update("UPDATE awareness SET aware_at = ?, set_by = ?, reason = ? WHERE incident_id = ? "
                + "AND client_id = ?", Timestamp.from(awareAt), actor, reason, incidentId, clientId) == 1;
    }
}
