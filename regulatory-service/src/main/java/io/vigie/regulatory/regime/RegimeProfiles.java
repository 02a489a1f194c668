package io.vigie.regulatory.regime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The clients' regime profiles: managers set them, the obligations read them. */
@Service
public class RegimeProfiles {

    private static final String COLUMNS = "client_id, language, gdpr_contact_point, gdpr_authority, "
            + "nis2_entity_type, nis2_authority, dora_authority, updated_at, updated_by";

    private static final RowMapper<RegimeProfile> ROW = (rs, n) -> new RegimeProfile(rs.getString(1), rs.getString(2),
            rs.getString(4) == null ? null : new RegimeProfile.Gdpr(rs.getString(3), rs.getString(4)),
            rs.getString(6) == null ? null : new RegimeProfile.Nis2(rs.getString(5), rs.getString(6)),
            rs.getString(7) == null ? null : new RegimeProfile.Dora(rs.getString(7)),
            rs.getTimestamp(8).toInstant(), rs.getString(9));

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegimeProfiles(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<RegimeProfile> find(String clientId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM client_regime WHERE client_id = ?", ROW, clientId).stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    public List<RegimeProfile> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM client_regime ORDER BY client_id", ROW);
    }

    /** The client's name from the directory, or its id while the directory has not said. */
    @Transactional(readOnly = true)
    public String clientName(String clientId) {
        return jdbc.queryForList("SELECT name FROM client_name WHERE client_id = ?", String.class, clientId).stream()
                .findFirst().orElse(clientId);
    }

    /**
     * Replaces the client's profile, and has the client's unresolved incidents evaluated again in the same
     * transaction (a profile often arrives after the incident that shows it was needed). Reports already opened stay
     * open: withdrawing one is a manager's decision, with a reason.
     */
    @Transactional
    public RegimeProfile save(String clientId, RegimeRequest request, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Object[] values = {request.languageOrDefault(),
                request.gdpr() == null ? null : request.gdpr().contactPoint(),
                request.gdpr() == null ? null : request.gdpr().supervisoryAuthority(),
                request.nis2() == null ? null : request.nis2().entityType(),
                request.nis2() == null ? null : request.nis2().authority(),
                request.dora() == null ? null : request.dora().competentAuthority(),
                Timestamp.from(now), actor, clientId};
        // Insert-if-absent then update: two first saves racing end as one row, not a key violation.
        jdbc.update("INSERT INTO client_regime (client_id, language, updated_at, updated_by) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", clientId, request.languageOrDefault(), Timestamp.from(now), actor);
        jdbc.update("UPDATE client_regime SET language = ?, gdpr_contact_point = ?, gdpr_authority = ?, "
                + "nis2_entity_type = ?, nis2_authority = ?, dora_authority = ?, updated_at = ?, updated_by = ? "
                + "WHERE client_id = ?", values);
        events.publishEvent(new RegimeProfileSaved(clientId));
        return find(clientId).orElseThrow();
    }

    @Transactional
    void nameClient(String clientId, String name) {
        if (name == null) {
            jdbc.update("DELETE FROM client_name WHERE client_id = ?", clientId);
        } else if (jdbc.update("UPDATE client_name SET name = ? WHERE client_id = ?", name, clientId) == 0) {
            jdbc.update("INSERT INTO client_name (client_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING", clientId, name);
        }
    }
}
