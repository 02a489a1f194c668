package io.vigie.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One user per Vigie role for the local stack, the same in all five services. Passwords are random, made on the first
 * start and kept in {@code <var>/local-users.properties} (readable by the owner only), so they survive restarts and
 * are never the same on two machines; the stack prints them in its summary.
 */
public record LocalUsers(Map<String, User> users) {

    static final String FILE = "local-users.properties";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Map<String, String> ROLE_BY_USER = Map.of(
            "analyst", "ANALYST", "comms", "COMMUNICATIONS", "manager", "MANAGER", "viewer", "VIEWER");
    private static final List<String> ORDER = List.of("analyst", "comms", "manager", "viewer");

    public record User(String name, String role, String password) {
    }

    static LocalUsers loadOrCreate(Path varDirectory) {
        Path file = varDirectory.resolve(FILE);
        Properties stored = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
            }
            boolean changed = false;
            SecureRandom random = new SecureRandom();
            Map<String, User> users = new LinkedHashMap<>();
            for (String name : ORDER) {
                String password = stored.getProperty(name);
                if (password == null || password.isBlank()) {
                    password = randomPassword(random);
                    stored.setProperty(name, password);
                    changed = true;
                }
                users.put(name, new User(name, ROLE_BY_USER.get(name), password));
            }
            if (changed) {
                write(file, stored);
            }
            return new LocalUsers(users);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    /** Spring properties that configure these users in a service (vigie-web-security). */
    List<String> asArguments() {
        List<String> arguments = new ArrayList<>();
        int index = 0;
        for (User user : users.values()) {
            arguments.add("--vigie.security.users[" + index + "].name=" + user.name());
            // Plain text on purpose: a throw-away local password the summary prints anyway.
            arguments.add("--vigie.security.users[" + index + "].password={noop}" + user.password());
            arguments.add("--vigie.security.users[" + index + "].roles=" + user.role());
            index++;
        }
        return arguments;
    }

    private static String randomPassword(SecureRandom random) {
        StringBuilder password = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static void write(Path file, Properties users) throws IOException {
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
            users.store(writer, "Vigie local stack users, one per role; delete this file to get new passwords");
        }
    }
}
