package io.vigie.notification.notice.internal;

import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.notice.NoticeContent;
import io.vigie.notification.notice.NoticeHolds.HeldNotice;
import io.vigie.notification.notice.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The rows of {@code notice} as {@code Notices} and {@code NoticeHolds} read and release them. */
@Repository
public class NoticeRows {

    private final JdbcTemplate jdbc;

    public NoticeRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Notice> find(UUID id) {
        return jdbc.query("SELECT id, incident_id, client_id, stage, sequence, out_of_band, content, created_at, "
                        + "held_until FROM notice WHERE id = ?",
                (rs, n) -> new Notice(rs.getObject("id", UUID.class), rs.getObject("incident_id", UUID.class),
                        rs.getString("client_id"), Stage.valueOf(rs.getString("stage")), rs.getInt("sequence"),
                        rs.getBoolean("out_of_band"), Json.read(rs.getString("content"), NoticeContent.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("held_until") == null ? null : rs.getTimestamp("held_until").toInstant()), id)
                .stream().findFirst();
    }

    /** Every notice waiting for review, the one going out first at the top. */
    public List<HeldNotice> held() {
        Map<UUID, HeldNotice> held = new LinkedHashMap<>();
        jdbc.query("SELECT id, incident_id, client_id, stage, sequence, category, severity, held_until FROM notice "
                + "WHERE held_until IS NOT NULL AND released_at IS NULL ORDER BY held_until, id", rs -> {
            UUID id = rs.getObject("id", UUID.class);
            held.put(id, new HeldNotice(id, rs.getObject("incident_id", UUID.class), rs.getString("client_id"),
                    Stage.valueOf(rs.getString("stage")), rs.getInt("sequence"),
                    Category.valueOf(rs.getString("category")), Severity.valueOf(rs.getString("severity")),
                    rs.getTimestamp("held_until").toInstant(), languages(id)));
        });
        return List.copyOf(held.values());
    }

    /** The held notices whose hold expired unreleased, a hundred at most. */
    public List<UUID> expiredHolds(Instant now) {
        return jdbc.queryForList("SELECT id FROM notice WHERE held_until <= ? AND released_at IS NULL "
                + "ORDER BY held_until LIMIT 100", UUID.class, Timestamp.from(now));
    }

    /**
     * Marks the notice released (with who approved it and its edited content, when {@code edited} is not null); false
     * when it already was.
     */
    public boolean markReleased(UUID noticeId, Instant now, String by, NoticeContent edited) {
        int updated = edited == null
                ? jdbc.update("UPDATE notice SET released_at = ? WHERE id = ? AND released_at IS NULL",
                Timestamp.from(now), noticeId)
                : jdbc.update("UPDATE notice SET released_at = ?, released_by = ?, content = ? WHERE id = ? "
                + "AND released_at IS NULL", Timestamp.from(now), by, Json.write(edited), noticeId);
        return updated != 0;
    }

    /** Makes the notice's HELD deliveries due now; returns how many. */
    public int releaseDeliveries(UUID noticeId, Instant now) {
        return jdbc.update("UPDATE delivery SET state = 'PENDING', next_attempt_at = ? WHERE notice_id = ? "
                + "AND state = 'HELD'", Timestamp.from(now), noticeId);
    }

    private List<String> languages(UUID noticeId) {
        return jdbc.queryForList("SELECT DISTINCT language FROM delivery WHERE notice_id = ? ORDER BY language",
                String.class, noticeId);
    }
}
