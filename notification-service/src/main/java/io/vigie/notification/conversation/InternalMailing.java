package io.vigie.notification.conversation;

import java.time.Duration;

/**
 * How the internal emails are sent: the notices' From, lease and back-off, so the two queues retry alike. The
 * delivery settings implement it; the conversation depends on no delivery class (delivery sits above it).
 */
public interface InternalMailing {

    /** The From address. */
    String from();

    /** An email being sent is retried after this long without an outcome (the instance died). */
    Duration lease();

    /** The wait before the next attempt after {@code failedAttempts} failed ones. */
    Duration backOff(int failedAttempts);
}
