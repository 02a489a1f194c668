package io.vigie.intake.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowTheBurstThenTheSustainedRate() {
        RateLimiter limiter = new RateLimiter(2, 3, 0);

        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isFalse();
        assertThat(limiter.tryAcquire(SECOND / 2)).isTrue();
        assertThat(limiter.tryAcquire(SECOND / 2)).isFalse();
    }

    @Test
    void shouldNotSaveUpMoreThanTheBurstWhileQuiet() {
        RateLimiter limiter = new RateLimiter(100, 2, 0);

        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += limiter.tryAcquire(3600 * SECOND) ? 1 : 0;
        }

        assertThat(allowed).isEqualTo(2);
    }
}
