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
     *
     * <p>{@code WRITE_DELAY=0}: every commit is written to the file before it returns. H2's default keeps commits in
     * memory for up to 500 ms, while Kafka already holds what they led to (an acknowledged alert's event, a committed
     * offset): a crash then lost acknowledged alerts and opened a second incident for one (the crash test in
     * system-tests, {@code CrashRecoveryIT}). Written, not forced: the data survives the process (kill -9, the OOM
     * killer), as Kafka's own log does; surviving the machine takes PostgreSQL.
     */
    static DatabaseSettings embedded(Path directory, String name) {
        Path file = directory.toAbsolutePath().normalize().resolve(name);
        return new DatabaseSettings("jdbc:h2:file:" + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "sa", "");
    }

    boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", username=" + username + "]";
    }
}
