package io.vigie.platform.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may change the registry, as Confluent's registry does it: HTTP Basic with configured users. Every write
 * (registering a version, deleting, changing a compatibility level) needs one of the users; reads (schemas,
 * subjects, lookups, compatibility checks) need one too when {@code readsNeedCredentials}. A protected subject (one a
 * topic's records are framed with: deleting it would leave them unreadable) cannot be deleted by anyone.
 *
 * @param users                user name → password
 * @param readsNeedCredentials whether reads are refused without credentials as well
 * @param protectedSubjects    subjects that are never deleted, e.g. {@code vigie.alert-raised-value}
 */
public record RegistryAccess(Map<String, String> users, boolean readsNeedCredentials, Set<String> protectedSubjects) {

    public RegistryAccess {
        users = Map.copyOf(users);
        protectedSubjects = Set.copyOf(protectedSubjects);
    }

    /** No credentials asked and nothing protected: for tests on loopback. */
    public static RegistryAccess open() {
        return new RegistryAccess(Map.of(), false, Set.of());
    }

    public boolean writesNeedCredentials() {
        return !users.isEmpty();
    }

    /** Whether an {@code Authorization} header names one of the users with its password. */
    public boolean allows(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String expected = users.get(decoded.substring(0, colon));
        // Compared in constant time, so the answer's timing says nothing about the password.
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
    }

    public boolean isProtected(String subject) {
        return protectedSubjects.contains(Objects.requireNonNull(subject));
    }

    @Override
    public String toString() {
        return "RegistryAccess[users=" + users.keySet() + ", readsNeedCredentials=" + readsNeedCredentials
                + ", protectedSubjects=" + protectedSubjects + "]";
    }
}
