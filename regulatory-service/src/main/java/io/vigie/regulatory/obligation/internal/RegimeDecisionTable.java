package io.vigie.regulatory.obligation.internal;

import io.vigie.regulatory.obligation.RegimeDecision;
import io.vigie.regulatory.regime.Regime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The regime_applicability table: one row per incident, client and regime, proposed then decided. */
@Repository
public class RegimeDecisionTable {

    private static final String COLUMNS = "incident_id, client_id, regime, status, triggered_by, proposed_at, "
            + "decided_at, decided_by, reason, high_risk";

    private static final RowMapper<RegimeDecision> ROW = (rs, n) -> new RegimeDecision(rs.getObject(1, UUID.class),
            rs.getString(2), Regime.valueOf(rs.getString(3)), RegimeDecision.Status.valueOf(rs.getString(4)),
            rs.getString(5), rs.getTimestamp(6).toInstant(),
            rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9),
            (Boolean) rs.getObject(10));

    private final JdbcTemplate jdbc;

    RegimeDecisionTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a trigger's proposal unless the regime was already proposed or decided: {@code true} if it is new. */
    public boolean propose(UUID incidentId, String clientId, Regime regime, String triggeredBy, Instant at) {
        return jdbc.update("INSERT INTO regime_applicability (incident_id, client_id, regime, status, triggered_by, "
                        + "proposed_at) VALUES (?, ?, ?, 'PROPOSED', ?, ?) ON CONFLICT DO NOTHING", incidentId, clientId,
                regime.name(), triggeredBy, Timestamp.from(at)) == 1;
    }

    /** Locks the row against a concurrent decision or trigger. */
    public Optional<RegimeDecision> lock(UUID incidentId, String clientId, Regime regime) {
        return jdbc.query("SELECT " + COLUMNS + " FROM regime_applicability WHERE incident_id = ? AND client_id = ? "
                + "AND regime = ? FOR UPDATE", ROW, incidentId, clientId, regime.name()).stream().findFirst();
    }

    public void decide(UUID incidentId, String clientId, Regime regime, boolean applies, Boolean highRisk, String actor,
                String reason, Instant at) {
        jdbc.update("UPDATE regime_applicability SET status = ?, decided_at = ?, decided_by = ?, reason = ?, "
                        + "high_risk = ? WHERE incident_id = ? AND client_id = ? AND regime = ?",
                applies ? "APPLIES" : "NOT_APPLIES", Timestamp.from(at), actor, reason, highRisk, incidentId, clientId,
                regime.name());
    }

    public List<RegimeDecision> ofIncident(UUID incidentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM regime_applicability WHERE incident_id = ? "
                + "ORDER BY client_id, regime", ROW, incidentId);
    }

    public List<RegimeDecision> ofClient(String clientId, Regime regime) {
        return jdbc.query("SELECT " + COLUMNS + " FROM regime_applicability WHERE client_id = ? AND regime = ? "
                + "ORDER BY proposed_at", ROW, clientId, regime.name());
    }
}
