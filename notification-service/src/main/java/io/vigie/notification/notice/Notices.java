package io.vigie.notification.notice;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** Reads notices for the features that deliver and acknowledge them. */
@Repository
public class Notices {

    private final JdbcTemplate jdbc;

    Notices(JdbcTemplate jdbc) {
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
}
