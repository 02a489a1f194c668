package io.vigie.regulatory.web;

import io.vigie.regulatory.obligation.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DueBadgeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void shouldSayHowLongIsLeftInHoursAndMinutes() {
        DueBadge badge = DueBadge.of(Stage.State.OPEN, NOW.plus(Duration.ofMinutes(190)), NOW);

        assertThat(badge.text()).isEqualTo("due in 3 h 10 min");
        assertThat(badge.css()).isEqualTo("OPEN");
    }

    @Test
    void shouldSayHowLateAnOverdueReportIs() {
        assertThat(DueBadge.of(Stage.State.OVERDUE, NOW.minus(Duration.ofHours(2)), NOW).text())
                .isEqualTo("overdue by 2 h");
    }

    @Test
    void shouldCallADueSoonReportDueSoon() {
        assertThat(DueBadge.of(Stage.State.DUE_SOON, NOW.plus(Duration.ofMinutes(45)), NOW).text())
                .isEqualTo("due soon, in 45 min");
    }

    @Test
    void shouldSayNoDeadlineForTheArt34Communication() {
        assertThat(DueBadge.of(Stage.State.OPEN, null, NOW).text()).isEqualTo("no deadline");
    }

    @Test
    void shouldShowDaysForMonthLongWindowsAndNeverZeroMinutes() {
        assertThat(DueBadge.span(Duration.ofDays(30).plusHours(4).plusMinutes(59))).isEqualTo("30 d 4 h");
        assertThat(DueBadge.span(Duration.ofDays(2))).isEqualTo("2 d");
        assertThat(DueBadge.span(Duration.ofSeconds(30))).isEqualTo("less than 1 min");
    }
}
