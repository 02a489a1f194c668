package io.vigie.load.pipeline;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import io.vigie.localstack.VigieService;

/**
 * PostgreSQL for the stack under load, when {@code VIGIE_BENCH_DB_URL} (with {@code _USER}, {@code _PASSWORD}, as the
 * intake driver takes them) names a database on a server: the driver makes a fresh database per service there,
 * {@code vigie_bench_<service>}, dropping the previous run's, and gives them to the stack through the
 * {@code VIGIE_<NAME>_DB_URL} variables {@code ./local-stack.sh} reads. The user needs CREATEDB.
 */
final class BenchDatabases {

    private final String adminUrl;
    private final String user;
    private final String password;

    private BenchDatabases(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** Null when {@code VIGIE_BENCH_DB_URL} is not set: the stack then uses its H2 files. */
    static BenchDatabases fromEnvironment(Map<String, String> environment) {
        String url = environment.get("VIGIE_BENCH_DB_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("VIGIE_BENCH_DB_URL must be a jdbc:postgresql:// URL, not " + url);
        }
        return new BenchDatabases(url, environment.getOrDefault("VIGIE_BENCH_DB_USER", "vigie"),
                environment.getOrDefault("VIGIE_BENCH_DB_PASSWORD", "vigie"));
    }

    /** Drops and creates the five databases; returns the environment that points the stack's services at them. */
    Map<String, String> prepare() throws SQLException {
        Map<String, String> environment = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (VigieService service : VigieService.values()) {
                String name = "vigie_bench_" + service.shortName();
                statement.execute("DROP DATABASE IF EXISTS " + name);
                statement.execute("CREATE DATABASE " + name);
                String prefix = "VIGIE_" + service.shortName().toUpperCase(Locale.ROOT) + "_DB_";
                environment.put(prefix + "URL", withDatabase(name));
                environment.put(prefix + "USER", user);
                environment.put(prefix + "PASSWORD", password);
            }
        }
        return environment;
    }

    /** The URL with its path (the database name) replaced, its parameters kept. */
    String withDatabase(String name) {
        String rest = adminUrl.substring("jdbc:postgresql://".length());
        int slash = rest.indexOf('/');
        int query = rest.indexOf('?');
        String hosts = slash >= 0 ? rest.substring(0, slash) : query >= 0 ? rest.substring(0, query) : rest;
        String parameters = query >= 0 ? rest.substring(query) : "";
        return "jdbc:postgresql://" + hosts + "/" + name + parameters;
    }

    /** Where the databases are, without credentials: for the report. */
    String describe() {
        return withDatabase("vigie_bench_<service>") + " (user " + user + ")";
    }

    /**
     * The server's postmaster, when it runs on this machine: the process listening on the URL's port (default 5432),
     * or {@code VIGIE_BENCH_PG_PID}. A backend found holding the socket leads to its parent.
     */
    OptionalLong postmaster(Map<String, String> environment) {
        String pid = environment.get("VIGIE_BENCH_PG_PID");
        if (pid != null && !pid.isBlank()) {
            return OptionalLong.of(Long.parseLong(pid.trim()));
        }
        URI uri = URI.create(withDatabase("x").substring("jdbc:".length()));
        OptionalLong listener = ProcessMonitor.listenerOf(uri.getPort() > 0 ? uri.getPort() : 5432);
        if (listener.isEmpty()) {
            return listener;
        }
        long found = listener.getAsLong();
        long parent = ProcessHandle.of(found).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        return parent > 0 && command(parent).equals(command(found)) ? OptionalLong.of(parent) : listener;
    }

    private static String command(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
