package io.vigie.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster made from the installed server binaries: initdb into a temporary directory,
 * listening on 127.0.0.1 only, password authentication, deleted again when closed.
 */
final class LocalPostgresCluster extends PostgresServer {

    private static final String SUPERUSER = "vigie";
    /** The OS account Debian's postgresql package creates; the server will not run as root. */
    private static final String OS_USER_WHEN_ROOT = "postgres";
    private static final int START_ATTEMPTS = 3;

    private final Path directory;
    private final Path binaries;
    private final String runAs;
    private final String password;
    private final int port;

    private LocalPostgresCluster(Path directory, Path binaries, String runAs, String password, int port) {
        this.directory = directory;
        this.binaries = binaries;
        this.runAs = runAs;
        this.password = password;
        this.port = port;
    }

    /** The directory holding {@code initdb} and {@code pg_ctl}, if PostgreSQL's server binaries are installed. */
    static Optional<Path> findBinaries() {
        List<Path> candidates = new ArrayList<>();
        pgConfigBinDirectory().ifPresent(candidates::add);
        // Debian and Ubuntu keep the server binaries off the PATH, one directory per major version: newest first.
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(version -> version.resolve("bin"))
                        .sorted(Comparator.comparing(LocalPostgresCluster::majorVersion).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + debian, e);
            }
        }
        return candidates.stream()
                .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                .findFirst();
    }

    static LocalPostgresCluster start(Path binaries) {
        String runAs = "root".equals(System.getProperty("user.name")) ? OS_USER_WHEN_ROOT : null;
        String password = generatePassword();
        Path directory;
        try {
            directory = Files.createTempDirectory("vigie-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the test PostgreSQL cluster", e);
        }
        try {
            initialise(directory, binaries, runAs, password);
            IllegalStateException lastFailure = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                LocalPostgresCluster cluster = new LocalPostgresCluster(directory, binaries, runAs, password, FreePorts.onLoopback());
                try {
                    cluster.pgCtl("start", "-w", "-t", "60", "-l", directory.resolve("postgres.log").toString(),
                            "-o", "-p " + cluster.port);
                    return cluster;
                } catch (IllegalStateException e) {
                    // Another process may have taken the free port between choosing it and the server binding it.
                    lastFailure = e;
                }
            }
            throw new IllegalStateException("PostgreSQL did not start; its log: " + readLog(directory), lastFailure);
        } catch (RuntimeException e) {
            Commands.deleteRecursively(directory);
            throw e;
        }
    }

    @Override
    String adminJdbcUrl() {
        return "jdbc:postgresql://" + FreePorts.LOOPBACK + ":" + port + "/postgres";
    }

    @Override
    String username() {
        return SUPERUSER;
    }

    @Override
    String password() {
        return password;
    }

    @Override
    String description() {
        return "private PostgreSQL cluster from " + binaries + " at " + FreePorts.LOOPBACK + ":" + port + " in " + directory;
    }

    @Override
    public void close() {
        try {
            // fast: roll back open transactions and disconnect, no waiting for the services' pools to let go.
            pgCtl("stop", "-w", "-t", "60", "-m", "fast");
        } finally {
            Commands.deleteRecursively(directory);
        }
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDirectory(directory).toString()));
        command.addAll(List.of(arguments));
        Commands.run(Commands.as(runAs, command), directory, 90);
    }

    private static void initialise(Path directory, Path binaries, String runAs, String password) {
        try {
            Path socketDirectory = Files.createDirectories(directory.resolve("socket"));
            Path passwordFile = Files.writeString(directory.resolve("superuser-password"), password, StandardCharsets.UTF_8);
            if (runAs != null) {
                handOver(List.of(directory, socketDirectory, passwordFile), runAs);
            }
            Commands.run(Commands.as(runAs, List.of(
                    binaries.resolve("initdb").toString(),
                    "-D", dataDirectory(directory).toString(),
                    "-U", SUPERUSER,
                    "--pwfile=" + passwordFile,
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C",
                    // The cluster lives for one test run: flushing its files to disk would only cost time.
                    "--no-sync")), directory, 120);
            Files.delete(passwordFile);
            Files.writeString(dataDirectory(directory).resolve("postgresql.conf"), String.join("\n",
                    "",
                    "listen_addresses = '127.0.0.1'",
                    "unix_socket_directories = '" + socketDirectory + "'",
                    // Throwaway test data: a crash loses the cluster, which is deleted after the run anyway, so
                    // durability is traded for speed (no flush on commit, no full-page images after checkpoints).
                    "fsync = off",
                    "synchronous_commit = off",
                    "full_page_writes = off",
                    // Several services, each with its own connection pool, can share this one server in a test JVM.
                    "max_connections = 200",
                    ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the test PostgreSQL cluster in " + directory, e);
        }
    }

    private static void handOver(List<Path> paths, String user) throws IOException {
        UserPrincipalLookupService lookup = paths.get(0).getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner;
        try {
            owner = lookup.lookupPrincipalByName(user);
        } catch (IOException e) {
            throw new IllegalStateException("Running as root, the test PostgreSQL cluster must run as the OS user '" + user
                    + "', which does not exist (it comes with the postgresql package)", e);
        }
        for (Path path : paths) {
            Files.setOwner(path, owner);
        }
    }

    private static Path dataDirectory(Path directory) {
        return directory.resolve("data");
    }

    private static String readLog(Path directory) {
        Path logFile = directory.resolve("postgres.log");
        try {
            return Files.exists(logFile, LinkOption.NOFOLLOW_LINKS) ? Files.readString(logFile) : "(no log written)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static Optional<Path> pgConfigBinDirectory() {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 && !output.isEmpty() ? Optional.of(Path.of(output)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static int majorVersion(Path binDirectory) {
        try {
            return Integer.parseInt(binDirectory.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
