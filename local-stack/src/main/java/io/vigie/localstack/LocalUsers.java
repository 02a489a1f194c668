package io.vigie.localstack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user per Vigie role for the local stack, the same in all six services. Passwords are random, made on the first
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
        SecureRandom random = new SecureRandom();
        Map<String, String> passwords = LocalSecrets.loadOrCreate(varDirectory.resolve(FILE), ORDER,
                () -> randomPassword(random),
                "Vigie local stack users, one per role; delete this file to get new passwords");
        Map<String, User> users = new LinkedHashMap<>();
        passwords.forEach((name, password) -> users.put(name, new User(name, ROLE_BY_USER.get(name), password)));
        return new LocalUsers(users);
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
}
