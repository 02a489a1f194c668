package io.vigie.triage.document;

import java.util.Objects;

/**
 * A cheap summary of a table's content (row count and latest change), so an instance notices that another instance
 * changed it without reading it whole. The feature's repository runs {@link #query} and builds the summary with
 * {@link #of}: the SQL stays in the feature's internal package.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** Selects the row count and the latest change of a table, the two columns {@link #of} takes. */
    public static String query(String table, String changedColumn) {
        return "SELECT COUNT(*), MAX(" + changedColumn + ") FROM " + table;
    }

    public static String of(long rows, Object latestChange) {
        return rows + "@" + latestChange;
    }

    public static boolean changed(String before, String now) {
        return !Objects.equals(before, now);
    }
}
