package io.vigie.cases.timeline.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The timelines read straight from a database, without the service: for the command-line check. Closing it closes
 * its connection.
 */
public final class DirectTimelines implements AutoCloseable {

    private final SingleConnectionDataSource dataSource;
    private final TimelineRows rows;

    public DirectTimelines(String jdbcUrl, String user, String password) {
        this.dataSource = new SingleConnectionDataSource(jdbcUrl, user, password, true);
        this.rows = new TimelineRows(new JdbcTemplate(dataSource));
    }

    public TimelineRows rows() {
        return rows;
    }

    @Override
    public void close() {
        dataSource.destroy();
    }
}
