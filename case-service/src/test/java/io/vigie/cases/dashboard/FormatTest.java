package io.vigie.cases.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

    private static final Instant NOW = Instant.parse("2026-03-02T13:53:20Z");
    private final Format format = new Format();

    @Test
    void shouldCountDownToTheMinuteRoundedUpWithTheUtcTime() {
        assertThat(format.countdown(NOW, Instant.parse("2026-03-02T14:05:00Z")))
                .as("11 min 40 s left").isEqualTo("in 12 min at 14:05 UTC");
        assertThat(format.left(NOW, NOW.plus(Duration.ofMinutes(12)))).isEqualTo("12 min");
        assertThat(format.left(NOW, NOW.plusSeconds(59))).isEqualTo("less than a minute");
        assertThat(format.left(NOW, NOW.plus(Duration.ofMinutes(65)))).isEqualTo("1 h 05 min");
        assertThat(format.left(NOW, NOW.plus(Duration.ofHours(50)))).isEqualTo("2 d 2 h");
    }

    @Test
    void shouldGiveTheDateOfATimeOnAnotherDay() {
        assertThat(format.clockTime(NOW, Instant.parse("2026-03-03T00:15:00Z"))).isEqualTo("2026-03-03 00:15 UTC");
        assertThat(format.clockTime(NOW, Instant.parse("2026-03-02T23:59:00Z"))).isEqualTo("23:59 UTC");
    }
}
