package io.vigie.regulatory.regime.internal;

import io.vigie.regulatory.regime.RegimeProfile;
import io.vigie.regulatory.regime.RegimeRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The client_regime table (one profile per client) and client_name (the directory's names). */
@Repository
public class RegimeProfileTable {

    private static final String COLUMNS = "client_id, language, gdpr_contact_point, gdpr_authority, "
            + "nis2_entity_type, nis2_authority, dora_authority, updated_at, updated_by";

    private static final RowMapper<RegimeProfile> ROW = (rs, n) -> new RegimeProfile(rs.getString(1), rs.getString(2),
            rs.getString(4) == null ? null : new RegimeProfile.Gdpr(rs.getString(3), rs.getString(4)),
            rs.getString(6) == null ? null : new RegimeProfile.Nis2(rs.getString(5), rs.getString(6)),
            rs.getString(7) == null ? null : new RegimeProfile.Dora(rs.getString(7)),
            rs.getTimestamp(8).toInstant(), rs.getString(9));

    private final JdbcTemplate jdbc;

    RegimeProfileTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RegimeProfile> find(String clientId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM client_regime WHERE client_id = ?", ROW, clientId).stream()
                .findFirst();
    }

    public List<RegimeProfile> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM client_regime ORDER BY client_id", ROW);
    }

    public Optional<String> clientName(String clientId) {
        return jdbc.queryForList("SELECT name FROM client_name WHERE client_id = ?", String.class, clientId).stream()
                .findFirst();
    }

    public void save(String clientId, RegimeRequest request, String actor, Instant at) {
        Object[] values = {request.languageOrDefault(),
                request.gdpr() == null ? null : request.gdpr().contactPoint(),
                request.gdpr() == null ? null : request.gdpr().supervisoryAuthority(),
                request.nis2() == null ? null : request.nis2().entityType(),
                request.nis2() == null ? null : request.nis2().authority(),
                request.dora() == null ? null : request.dora().competentAuthority(),
                Timestamp.from(at), actor, clientId};
        // Insert-if-absent then update: two first saves racing end as one row, not a key violation.
        jdbc.update("INSERT INTO client_regime (client_id, language, updated_at, updated_by) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", clientId, request.languageOrDefault(), Timestamp.from(at), actor);
        jdbc.update("UPDATE client_regime SET language = ?, gdpr_contact_point = ?, gdpr_authority = ?, "
                + "nis2_entity_type = ?, nis2_authority = ?, dora_authority = ?, updated_at = ?, updated_by = ? "
                + "WHERE client_id = ?", values);
    }

    /** Names the client, or forgets its name when {@code name} is null. */
    public void nameClient(String clientId, String name) {
        if (name == null) {
            jdbc.update("DELETE FROM client_name WHERE client_id = ?", clientId);
        } else if (jdbc.update("UPDATE client_name SET name = ? WHERE client_id = ?", name, clientId) == 0) {
            jdbc.update("INSERT INTO client_name (client_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING", clientId, name);
        }
    }
}
