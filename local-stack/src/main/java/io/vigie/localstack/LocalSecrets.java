package io.vigie.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Secrets the local stack makes once and keeps in a properties file under {@code var/} that only its owner can
 * read, so they survive restarts and differ from one machine to the next (local users' passwords, webhook tokens).
 */
final class LocalSecrets {

    private LocalSecrets() {
    }

    /** The secret of each key, made with {@code generator} for keys the file does not hold yet. */
    static Map<String, String> loadOrCreate(Path file, List<String> keys, Supplier<String> generator,
                                            String comment) {
        Properties stored = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
            }
            boolean changed = false;
            Map<String, String> secrets = new LinkedHashMap<>();
            for (String key : keys) {
                String secret = stored.getProperty(key);
                if (secret == null || secret.isBlank()) {
                    secret = generator.get();
                    stored.setProperty(key, secret);
                    changed = true;
                }
                secrets.put(key, secret);
            }
            if (changed) {
                write(file, stored, comment);
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    private static void write(Path file, Properties secrets, String comment) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own permissions apply.
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            secrets.store(writer, comment);
        }
    }
}
