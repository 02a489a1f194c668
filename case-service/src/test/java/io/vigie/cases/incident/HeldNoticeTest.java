package io.vigie.cases.incident;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HeldNoticeTest {

    private static final Instant HELD_UNTIL = Instant.parse("2026-03-02T14:05:00Z");
    private static final Instant BEFORE = HELD_UNTIL.minus(Duration.ofMinutes(12));
    private static final Instant AFTER = HELD_UNTIL.plusSeconds(1);

    @Test
    void shouldAwaitReviewUntilItsTimeAndThenBeReleasing() {
        HeldNotice held = held(null, null, false);

        assertThat(held.state(BEFORE)).isEqualTo(HeldNotice.State.AWAITING_REVIEW);
        assertThat(held.state(BEFORE).pending()).isTrue();
        assertThat(held.remaining(BEFORE)).isEqualTo(Duration.ofMinutes(12));
        assertThat(held.state(HELD_UNTIL)).as("due: notification-service releases it").isEqualTo(
                HeldNotice.State.RELEASING);
        assertThat(held.state(AFTER).pending()).isFalse();
        assertThat(held.state(AFTER).label()).isEqualTo("releasing");
    }

    @Test
    void shouldBeApprovedAndSendingOnceApprovedHereUntilADeliveryIsReported() {
        HeldNotice approved = held(BEFORE, null, false);

        assertThat(approved.state(BEFORE)).isEqualTo(HeldNotice.State.APPROVED);
        assertThat(approved.state(AFTER).label()).as("approved, even past its time").isEqualTo("approved, sending");
        assertThat(held(BEFORE, BEFORE.plusSeconds(2), true).state(AFTER)).isEqualTo(HeldNotice.State.SENT);
    }

    @Test
    void shouldSayWhenItWentOutWithoutApproval() {
        assertThat(held(null, AFTER, true).state(AFTER).label()).isEqualTo("released automatically");
        assertThat(held(null, AFTER, false).state(AFTER)).isEqualTo(HeldNotice.State.FAILED);
        assertThat(held(null, AFTER, false).state(AFTER).pending()).isFalse();
    }

    @Test
    void shouldWaitForApprovalWhenNoTimeWasGiven() {
        HeldNotice untimed = new HeldNotice(notice(), List.of(), null, null, null, null, false);

        assertThat(untimed.state(AFTER.plus(Duration.ofDays(3)))).isEqualTo(HeldNotice.State.AWAITING_REVIEW);
        assertThat(untimed.remaining(AFTER)).isNull();
    }

    @Test
    void shouldAskForTextsInItsContactsLanguagesOrInEveryOneWhenNoneIsKnown() {
        assertThat(held(null, null, false).textLanguages()).containsExactly(Language.FR, Language.DE);
        assertThat(new HeldNotice(notice(), List.of(), HELD_UNTIL, null, null, null, false).textLanguages())
                .containsExactly(Language.FR, Language.EN, Language.DE);
    }

    private static HeldNotice held(Instant approvedAt, Instant releasedAt, boolean delivered) {
        return new HeldNotice(notice(), List.of(Language.FR, Language.DE), HELD_UNTIL,
                approvedAt == null ? null : "comms", approvedAt, releasedAt, delivered);
    }

    private static Notice notice() {
        return new Notice(UUID.randomUUID(), "acme", "UPDATE", 2);
    }
}
