package io.vigie.triage.policy.internal;

import io.vigie.triage.policy.Policy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
public class PolicyRepository {

    /** @param restoredFrom the version whose document a rollback activated again; null for an upload */
    public record StoredPolicy(String version, String document, Instant activatedAt, String activatedBy, String restoredFrom) {
    }

    private static final RowMapper<StoredPolicy> STORED = (rs, n) -> new StoredPolicy(rs.getString(1),
            rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5));

    private final JdbcTemplate jdbc;

    public PolicyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredPolicy> latest() {
        return history().stream().findFirst();
    }

    public Optional<String> latestVersion() {
        return jdbc.queryForList("SELECT version FROM triage_policy ORDER BY activated_at DESC LIMIT 1", String.class)
                .stream().findFirst();
    }

    public List<StoredPolicy> history() {
        return jdbc.query("SELECT version, document, activated_at, activated_by, restored_from FROM triage_policy "
                + "ORDER BY activated_at DESC", STORED);
    }

    public Optional<StoredPolicy> find(String version) {
        return jdbc.query("SELECT version, document, activated_at, activated_by, restored_from FROM triage_policy "
                + "WHERE version = ?", STORED, version).stream().findFirst();
    }

    public boolean exists(String version) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM triage_policy WHERE version = ?", Integer.class, version) > 0;
    }

    public void save(Policy policy, Instant at, String actor, String restoredFrom) {
        jdbc.update("INSERT INTO triage_policy (version, document, activated_at, activated_by, restored_from) "
                        + "VALUES (?, ?, ?, ?, ?)", policy.version(), policy.source(), Timestamp.from(at), actor, restoredFrom);
    }
}
