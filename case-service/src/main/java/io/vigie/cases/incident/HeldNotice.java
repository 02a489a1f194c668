package io.vigie.cases.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A notice notification-service holds for a communications user to review before it goes out (ClientNotified HELD).
 * It goes out when someone approves it here, or by itself at {@code heldUntil}; the first delivery sent or failed
 * says it went.
 *
 * @param languages  the languages of the contacts its deliveries are for (empty when no delivery said)
 * @param heldUntil  when it goes out unless approved earlier; null when notification-service gave no time
 * @param approvedBy who approved it here, null until someone does
 * @param releasedAt when its first delivery was sent or failed: it is no longer held
 * @param delivered  whether a delivery of it was sent
 */
public record HeldNotice(Notice notice, List<Language> languages, Instant heldUntil, String approvedBy,
                         Instant approvedAt, Instant releasedAt, boolean delivered) {

    /** Where a held notice stands; only {@link #AWAITING_REVIEW} can still be approved. */
    public enum State {
        AWAITING_REVIEW("awaiting review"),
        /** Approved here; notification-service has not reported a delivery yet. */
        APPROVED("approved, sending"),
        /** Its time passed before anyone approved it: notification-service sends it as it is. */
        RELEASING("releasing"),
        SENT("approved and sent"),
        RELEASED_AUTOMATICALLY("released automatically"),
        /** Its first deliveries failed; notification-service retries them. */
        FAILED("released, delivery failed");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean pending() {
            return this == AWAITING_REVIEW;
        }
    }

    public HeldNotice {
        languages = List.copyOf(languages);
    }

    public boolean approved() {
        return approvedAt != null;
    }

    public State state(Instant now) {
        if (releasedAt != null) {
            if (!delivered) {
                return State.FAILED;
            }
            return approved() ? State.SENT : State.RELEASED_AUTOMATICALLY;
        }
        if (approved()) {
            return State.APPROVED;
        }
        return heldUntil != null && !now.isBefore(heldUntil) ? State.RELEASING : State.AWAITING_REVIEW;
    }

    /** The time left until it goes out by itself; null when notification-service gave no time. */
    public Duration remaining(Instant now) {
        return heldUntil == null ? null : Duration.between(now, heldUntil);
    }

    /** The languages to offer texts in: its contacts', or every language while no delivery said. */
    public List<Language> textLanguages() {
        return languages.isEmpty() ? List.of(Language.values()) : languages;
    }
}
