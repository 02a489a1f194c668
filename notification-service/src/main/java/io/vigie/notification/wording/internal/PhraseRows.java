package io.vigie.notification.wording.internal;

import io.vigie.notification.wording.Phrases.SetKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The edited phrase sets ({@code phrase_set}), each stored as its JSON body. */
@Repository
public class PhraseRows {

    private final JdbcTemplate jdbc;

    public PhraseRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The edited set's JSON body, if the set was edited. */
    public Optional<String> body(SetKey key) {
        return jdbc.queryForList("SELECT body FROM phrase_set WHERE set_name = ? AND language = ?",
                String.class, key.set(), key.language()).stream().findFirst();
    }

    public boolean edited(SetKey key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM phrase_set WHERE set_name = ? "
                + "AND language = ?", Boolean.class, key.set(), key.language()));
    }

    public void save(SetKey key, String json, String editor, Instant at) {
        Timestamp now = Timestamp.from(at);
        int updated = jdbc.update("UPDATE phrase_set SET body = ?, updated_by = ?, updated_at = ? "
                + "WHERE set_name = ? AND language = ?", json, editor, now, key.set(), key.language());
        if (updated == 0) {
            jdbc.update("INSERT INTO phrase_set (set_name, language, body, updated_by, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?)", key.set(), key.language(), json, editor, now);
        }
    }

    /** Drops the edited set; false when there was none. */
    public boolean delete(SetKey key) {
        return jdbc.update("DELETE FROM phrase_set WHERE set_name = ? AND language = ?", key.set(),
                key.language()) == 1;
    }

    /** What changes when any set is edited, saved or reset, on whichever instance: their count and latest edit. */
    public String stamp() {
        return jdbc.query("SELECT COUNT(*), MAX(updated_at) FROM phrase_set",
                rs -> rs.next() ? rs.getLong(1) + "/" + rs.getTimestamp(2) : "");
    }
}
