package io.vigie.notification.template.internal;

import io.vigie.notification.notice.Stage;
import io.vigie.notification.template.NoticeTemplate;
import io.vigie.notification.template.TemplateKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The edited templates ({@code notice_template}). */
@Repository
public class TemplateRows {

    private final JdbcTemplate jdbc;

    public TemplateRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The edited template of exactly this key, if it was edited. */
    public Optional<NoticeTemplate> find(TemplateKey key) {
        return jdbc.query("SELECT subject, text_body, html_body FROM notice_template "
                        + "WHERE category = ? AND stage = ? AND language = ?",
                (rs, n) -> new NoticeTemplate(key, rs.getString(1), rs.getString(2), rs.getString(3), false),
                key.category(), key.stage().name(), key.language()).stream().findFirst();
    }

    /** Every edited template. */
    public List<NoticeTemplate> all() {
        List<NoticeTemplate> edited = new ArrayList<>();
        jdbc.query("SELECT category, stage, language, subject, text_body, html_body FROM notice_template", rs -> {
            TemplateKey key = new TemplateKey(rs.getString(1), Stage.valueOf(rs.getString(2)), rs.getString(3));
            edited.add(new NoticeTemplate(key, rs.getString(4), rs.getString(5), rs.getString(6), false));
        });
        return edited;
    }

    public void save(NoticeTemplate template, String editor, Instant at) {
        TemplateKey key = template.key();
        Timestamp now = Timestamp.from(at);
        int updated = jdbc.update("UPDATE notice_template SET subject = ?, text_body = ?, html_body = ?, "
                        + "updated_by = ?, updated_at = ? WHERE category = ? AND stage = ? AND language = ?",
                template.subject(), template.text(), template.html(), editor, now,
                key.category(), key.stage().name(), key.language());
        if (updated == 0) {
            jdbc.update("INSERT INTO notice_template (category, stage, language, subject, text_body, html_body, "
                            + "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    key.category(), key.stage().name(), key.language(), template.subject(), template.text(),
                    template.html(), editor, now);
        }
    }

    /** Drops the edited template; false when there was none. */
    public boolean delete(TemplateKey key) {
        return jdbc.update("DELETE FROM notice_template WHERE category = ? AND stage = ? AND language = ?",
                key.category(), key.stage().name(), key.language()) == 1;
    }
}
