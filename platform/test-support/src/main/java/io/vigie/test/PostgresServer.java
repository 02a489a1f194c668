package io.vigie.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server that hands out fresh, empty databases. Subclasses only say how the server is reached
 * and how it goes away.
 */
abstract class PostgresServer implements AutoCloseable {

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    /** Another JVM sharing the server may have taken a name already. */
    private static final String DUPLICATE_DATABASE = "42P04";

    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> created = new ArrayList<>();

    /** JDBC URL of a database the admin user may connect to in order to create others. */
    abstract String adminJdbcUrl();

    abstract String username();

    abstract String password();

    /** A line for the logs saying which server this is. */
    abstract String description();

    DatabaseCoordinates createDatabase(String service) {
        String prefix = "vigie_" + normalise(service) + "_";
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl(), username(), password());
             Statement statement = connection.createStatement()) {
            while (true) {
                String name = prefix + sequence.incrementAndGet();
                try {
                    statement.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                        continue;
                    }
                    throw e;
                }
                synchronized (created) {
                    created.add(name);
                }
                return new DatabaseCoordinates(jdbcUrlFor(adminJdbcUrl(), name), username(), password());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a database for '" + service + "' on " + description() + ": " + e.getMessage(), e);
        }
    }

    /** The databases this JVM created, so a server that outlives the tests can be left as it was found. */
    List<String> createdDatabases() {
        synchronized (created) {
            return List.copyOf(created);
        }
    }

    static String normalise(String service) {
        String name = service == null ? "" : service.toLowerCase(Locale.ROOT).replace('-', '_');
        if (!SERVICE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Service name must be letters, digits, '-' or '_', starting with a letter: '" + service + "'");
        }
        return name;
    }

    /** The same server, user and parameters as {@code adminUrl}, for another database. */
    static String jdbcUrlFor(String adminUrl, String database) {
        String prefix = "jdbc:postgresql:";
        if (!adminUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + adminUrl);
        }
        int queryStart = adminUrl.indexOf('?');
        String query = queryStart < 0 ? "" : adminUrl.substring(queryStart);
        String location = adminUrl.substring(prefix.length(), queryStart < 0 ? adminUrl.length() : queryStart);
        if (!location.startsWith("//")) {
            return prefix + database + query;
        }
        int pathStart = location.indexOf('/', 2);
        String hosts = pathStart < 0 ? location : location.substring(0, pathStart);
        return prefix + hosts + "/" + database + query;
    }
}
