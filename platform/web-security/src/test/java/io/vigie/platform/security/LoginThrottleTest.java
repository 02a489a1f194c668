package io.vigie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Policy(3, 10, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(15)),
            clock, meters);

    @Test
    void shouldLockAUserAfterTheThresholdAndLockLongerAtEachFurtherFailure() {
        throttle.failed("alice", "198.51.100.7");
        throttle.failed("alice", "198.51.100.8");
        assertThat(throttle.lockedFor("alice", "203.0.113.1")).isEmpty();

        throttle.failed("alice", "198.51.100.9");
        assertThat(throttle.lockedFor("alice", "203.0.113.1")).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("bob", "203.0.113.1")).as("another user").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.lockedFor("alice", "203.0.113.1")).isEmpty();
        throttle.failed("alice", "198.51.100.9");
        assertThat(throttle.lockedFor("alice", "203.0.113.1")).contains(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        throttle.failed("alice", "198.51.100.9");
        throttle.failed("alice", "198.51.100.9");
        throttle.failed("alice", "198.51.100.9");
        assertThat(throttle.lockedFor("alice", "203.0.113.1")).as("capped").contains(Duration.ofMinutes(5));

        assertThat(meters.counter("vigie.security.login.failures").count()).isEqualTo(7);
        assertThat(meters.counter("vigie.security.login.lockouts", "scope", "user").count()).isEqualTo(5);
        assertThat(meters.counter("vigie.security.login.refused").count()).isEqualTo(3);
    }

    @Test
    void shouldLockAnAddressThatTriesManyUsers() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user-" + i, "198.51.100.66");
        }

        assertThat(throttle.lockedFor("someone-else", "198.51.100.66")).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("someone-else", "198.51.100.67")).isEmpty();
        assertThat(meters.counter("vigie.security.login.lockouts", "scope", "address").count()).isEqualTo(1);
    }

    @Test
    void shouldForgetFailuresAfterASuccessOrAQuietWindow() {
        throttle.failed("alice", "198.51.100.7");
        throttle.failed("alice", "198.51.100.7");
        throttle.succeeded("alice");
        throttle.failed("alice", "198.51.100.7");
        throttle.failed("alice", "198.51.100.7");
        assertThat(throttle.lockedFor("alice", null)).isEmpty();

        clock.advance(Duration.ofMinutes(16));
        throttle.failed("alice", "198.51.100.7");
        assertThat(throttle.lockedFor("alice", null)).isEmpty();
    }

    @Test
    void shouldCleanAUserNameBeforeItIsLogged() {
        assertThat(LoginThrottle.clean("eve\r\nINFO forged line")).isEqualTo("eve??INFO forged line");
        assertThat(LoginThrottle.clean("x".repeat(100))).hasSize(65);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
