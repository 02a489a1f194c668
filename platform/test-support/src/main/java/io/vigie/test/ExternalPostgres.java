package io.vigie.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A server someone else runs (CI service, developer's own PostgreSQL): the tests drop what they created. */
final class ExternalPostgres extends PostgresServer {

    static final String URL_VARIABLE = "VIGIE_TEST_POSTGRES_URL";
    static final String USER_VARIABLE = "VIGIE_TEST_POSTGRES_USER";
    static final String PASSWORD_VARIABLE = "VIGIE_TEST_POSTGRES_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(ExternalPostgres.class);

    private final String url;
    private final String username;
    private final String password;

    private ExternalPostgres(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** The server named by the environment, or null when {@value #URL_VARIABLE} is not set. */
    static ExternalPostgres fromEnvironment() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return null;
        }
        String username = System.getenv(USER_VARIABLE);
        String password = System.getenv(PASSWORD_VARIABLE);
        if (username == null || password == null) {
            throw new IllegalStateException(URL_VARIABLE + " is set, so " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
                    + " must be set too (an account allowed to CREATE DATABASE)");
        }
        return new ExternalPostgres(url.trim(), username, password);
    }

    @Override
    String adminJdbcUrl() {
        return url;
    }

    @Override
    String username() {
        return username;
    }

    @Override
    String password() {
        return password;
    }

    @Override
    String description() {
        return "external PostgreSQL at " + url;
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement statement = connection.createStatement()) {
            for (String database : createdDatabases()) {
                // FORCE: connection pools of the services under test may still be open while the JVM exits.
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            log.warn("Could not drop the test databases {} on {}: {}", createdDatabases(), url, e.getMessage());
        }
    }
}
