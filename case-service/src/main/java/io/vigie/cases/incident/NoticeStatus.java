package io.vigie.cases.incident;

/** Where one client's notices stand. */
public enum NoticeStatus {
    /** Affected, nothing delivered yet. */
    PENDING,
    /** Its latest notice waits for a communications user's review: nothing of it was sent yet. */
    HELD,
    SENT,
    /** The latest attempt failed; notification-service retries it. */
    FAILED,
    /** The client confirmed receipt: nothing later overrides it. */
    ACKNOWLEDGED
}
