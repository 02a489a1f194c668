package io.vigie.regulatory.obligation.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Analysts' statements that personal data of a client is involved where the events did not say so. */
@Repository
public class PersonalDataFlags {

    private final JdbcTemplate jdbc;

    PersonalDataFlags(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean flag(UUID incidentId, String clientId, String actor, String reason, Instant at) {
        return jdbc.update("INSERT INTO personal_data_flag (incident_id, client_id, flagged_by, reason, flagged_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", incidentId, clientId, actor, reason,
                Timestamp.from(at)) == 1;
    }

    /** "by {analyst}: {reason}" for the client, if flagged. */
    public Optional<String> of(UUID incidentId, String clientId) {
        return jdbc.query("SELECT flagged_by, reason FROM personal_data_flag WHERE incident_id = ? AND client_id = ?",
                (rs, n) -> rs.getString(1) + ": " + rs.getString(2), incidentId, clientId).stream().findFirst();
    }

    public List<String> clients(UUID incidentId) {
        return jdbc.queryForList("SELECT client_id FROM personal_data_flag WHERE incident_id = ? ORDER BY client_id",
                String.class, incidentId);
    }
}
