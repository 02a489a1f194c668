package io.vigie.regulatory.obligation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

    private static final Instant AWARE = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void shouldGiveDoraFourHoursFromClassificationAsMajor() {
        Instant classified = AWARE.plus(Duration.ofHours(2));

        assertThat(Deadlines.due(ReportKind.DORA_INITIAL_NOTIFICATION, AWARE, classified, null))
                .isEqualTo(Instant.parse("2026-11-20T16:00:00Z"));
    }

    @Test
    void shouldCapDoraInitialNotificationAt24HoursFromAwareness() {
        Instant classifiedLate = AWARE.plus(Duration.ofHours(22));

        assertThat(Deadlines.due(ReportKind.DORA_INITIAL_NOTIFICATION, AWARE, classifiedLate, null))
                .isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    }

    @Test
    void shouldCountGdprAndNis2FromAwareness() {
        assertThat(Deadlines.due(ReportKind.GDPR_AUTHORITY_NOTIFICATION, AWARE, null, null))
                .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(Deadlines.due(ReportKind.NIS2_EARLY_WARNING, AWARE, null, null))
                .isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(Deadlines.due(ReportKind.NIS2_INCIDENT_NOTIFICATION, AWARE, null, null))
                .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(Deadlines.due(ReportKind.GDPR_DATA_SUBJECTS, AWARE, null, null)).isNull();
    }

    @Test
    void shouldCountLaterReportsFromThePreviousSubmissionInCalendarMonths() {
        Instant submitted = Instant.parse("2027-01-31T09:00:00Z");

        assertThat(Deadlines.due(ReportKind.NIS2_FINAL_REPORT, AWARE, null, submitted))
                .isEqualTo(Instant.parse("2027-02-28T09:00:00Z"));
        assertThat(Deadlines.due(ReportKind.DORA_INTERMEDIATE_REPORT, AWARE, null, submitted))
                .isEqualTo(Instant.parse("2027-02-03T09:00:00Z"));
        assertThat(Deadlines.due(ReportKind.DORA_FINAL_REPORT, AWARE, null, submitted))
                .isEqualTo(Instant.parse("2027-02-28T09:00:00Z"));
    }

    @Test
    void shouldWarnAtMostThreeHoursOrAQuarterOfTheWindowBeforeTheDeadline() {
        DueSoon dueSoon = new DueSoon(Duration.ofHours(3), 0.25);

        assertThat(dueSoon.warningBefore(AWARE, AWARE.plus(Duration.ofHours(72)))).isEqualTo(Duration.ofHours(3));
        assertThat(dueSoon.warningBefore(AWARE, AWARE.plus(Duration.ofHours(4)))).isEqualTo(Duration.ofHours(1));
        assertThat(dueSoon.isDueSoon(AWARE, AWARE.plus(Duration.ofHours(72)), AWARE.plus(Duration.ofHours(68))))
                .isFalse();
        assertThat(dueSoon.isDueSoon(AWARE, AWARE.plus(Duration.ofHours(72)), AWARE.plus(Duration.ofHours(69))))
                .isTrue();
    }
}
