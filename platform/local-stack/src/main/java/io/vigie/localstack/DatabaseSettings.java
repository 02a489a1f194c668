package io.vigie.localstack;

import java.nio.file.Path;
import java.util.Objects;

/** Where one service keeps its data: an embedded H2 file by default, PostgreSQL when configured. */
public record DatabaseSettings(String url, String username, String password) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        password = password == null ? "" : password;
    }

    /**
     * An H2 file database in {@code directory}. PostgreSQL mode with lower-case names and nulls sorted last keeps
     * the services' PostgreSQL SQL and their queries' ordering working unchanged; the services close it themselves
     * on shutdown, so H2's own exit hook must not close it under them.
     */
    static DatabaseSettings embedded(Path directory, String name) {
        Path file = directory.toAbsolutePath().normalize().resolve(name);
        return new DatabaseSettings("jdbc:h2:file:" + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", username=" + username + "]";
    }
}
