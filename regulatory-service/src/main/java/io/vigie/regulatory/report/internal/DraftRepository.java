package io.vigie.regulatory.report.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every saved version of every draft; none is overwritten. */
@Repository
public class DraftRepository {

    public record Version(int version, Instant savedAt, String savedBy, Map<String, String> elements) {
    }

    private static final TypeReference<Map<String, String>> ELEMENTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    DraftRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Version> latest(UUID stageId) {
        return versions(stageId).stream().reduce((a, b) -> b);
    }

    public List<Version> versions(UUID stageId) {
        return jdbc.query("SELECT version, saved_at, saved_by, elements FROM draft_version WHERE stage_id = ? "
                + "ORDER BY version", (rs, n) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), json.readValue(rs.getString(4), ELEMENTS)), stageId);
    }

    /** The primary key makes two concurrent saves of the same next version fail, rather than one silently vanish. */
    public void save(UUID stageId, int version, Map<String, String> elements, String actor, Instant at) {
        jdbc.update("INSERT INTO draft_version (stage_id, version, elements, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)",
                stageId, version, json.writeValueAsString(elements), Timestamp.from(at), actor);
    }
}
