package io.vigie.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing down: after {@code userFailures} failed logins in a row for one user name, or
 * {@code addressFailures} from one address (password spraying across users), further attempts for it are refused for
 * a while, twice as long at each further failure, up to {@code longestLockout}. A success resets the user's count.
 * Failures older than {@code window} are forgotten. Lockouts and failures are logged (the user name cleaned, never a
 * password) and counted: {@code vigie.security.login.failures}, {@code vigie.security.login.lockouts{scope}},
 * {@code vigie.security.login.refused}.
 *
 * <p>Per address is a blunt tool where many users share one address (a proxy): its threshold is ten times the user's.
 */
public final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Past this many tracked names and addresses, the ones quiet for a whole window are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    /** How many failures lock, for how long at first and at most, and how long a failure is remembered. */
    public record Policy(int userFailures, int addressFailures, Duration firstLockout, Duration longestLockout,
                         Duration window) {

        public static Policy defaults() {
            return new Policy(5, 50, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(15));
        }
    }

    private final Policy policy;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    public LoginThrottle(Policy policy, Clock clock, MeterRegistry meters) {
        this.policy = policy;
        this.clock = clock;
        this.meters = meters == null ? Metrics.globalRegistry : meters;
    }

    /** How long attempts for this user or from this address are still refused; empty when they may try. */
    public Optional<Duration> lockedFor(String user, String address) {
        Instant now = clock.instant();
        Instant until = latest(lockedUntil(userKey(user), now), lockedUntil(addressKey(address), now));
        if (until == null) {
            return Optional.empty();
        }
        meters.counter("vigie.security.login.refused").increment();
        return Optional.of(Duration.between(now, until));
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        meters.counter("vigie.security.login.failures").increment();
        int userCount = record(userKey(user), policy.userFailures(), now, "user");
        record(addressKey(address), policy.addressFailures(), now, "address");
        log.warn("Failed login for user '{}' from {} ({} in a row)", clean(user), clean(address), userCount);
        if (attempts.size() > PRUNE_ABOVE) {
            attempts.entrySet().removeIf(entry -> entry.getValue().forgotten(now, policy.window()));
        }
    }

    public void succeeded(String user) {
        if (user != null) {
            attempts.remove(userKey(user));
        }
    }

    /** Counts a failure; locks the key when it reached its threshold. Returns the failures in a row. */
    private int record(String key, int threshold, Instant now, String scope) {
        if (key == null) {
            return 0;
        }
        Attempts updated = attempts.compute(key, (k, previous) -> {
            Attempts current = previous == null || previous.forgotten(now, policy.window()) ? new Attempts() : previous;
            current.failures++;
            current.lastFailure = now;
            if (current.failures >= threshold) {
                int doublings = Math.min(current.failures - threshold, 20);
                Duration lockout = policy.firstLockout().multipliedBy(1L << doublings);
                if (lockout.compareTo(policy.longestLockout()) > 0) {
                    lockout = policy.longestLockout();
                }
                current.lockedUntil = now.plus(lockout);
                current.lockedNow = true;
            } else {
                current.lockedNow = false;
            }
            return current;
        });
        if (updated.lockedNow) {
            meters.counter("vigie.security.login.lockouts", "scope", scope).increment();
            log.warn("Login locked for {} '{}' until {} after {} failures in a row", scope,
                    clean(key.substring(key.indexOf(':') + 1)), updated.lockedUntil, updated.failures);
        }
        return updated.failures;
    }

    private Instant lockedUntil(String key, Instant now) {
        Attempts current = key == null ? null : attempts.get(key);
        return current == null || current.lockedUntil == null || !current.lockedUntil.isAfter(now) ? null
                : current.lockedUntil;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String userKey(String user) {
        return user == null || user.isEmpty() ? null : "user:" + user;
    }

    private static String addressKey(String address) {
        return address == null || address.isEmpty() ? null : "address:" + address;
    }

    /** An attacker chooses the user name: no line breaks or control characters in the log, and not a novel. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
    }

    private static final class Attempts {
        int failures;
        Instant lastFailure;
        Instant lockedUntil;
        boolean lockedNow;

        boolean forgotten(Instant now, Duration window) {
            boolean locked = lockedUntil != null && lockedUntil.isAfter(now);
            return !locked && (lastFailure == null || lastFailure.plus(window).isBefore(now));
        }
    }
}
