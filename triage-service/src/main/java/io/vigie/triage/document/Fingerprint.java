package io.vigie.triage.document;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Objects;

/**
 * A cheap summary of a table's content (row count and latest change), so an instance notices that another instance
 * changed it without reading it whole.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(JdbcTemplate jdbc, String table, String changedColumn) {
        return jdbc.query("SELECT COUNT(*), MAX(" + changedColumn + ") FROM " + table,
                rs -> rs.next() ? rs.getLong(1) + "@" + rs.getTimestamp(2) : "");
    }

    public static boolean changed(String before, String now) {
        return !Objects.equals(before, now);
    }
}
