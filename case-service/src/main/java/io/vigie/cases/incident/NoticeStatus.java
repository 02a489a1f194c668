package io.vigie.cases.incident;

/** Where one client's notices stand. */
public enum NoticeStatus {
    /** Affected, nothing delivered yet. */
    PENDING,
    SENT,
    /** The latest attempt failed; notification-service retries it. */
    FAILED,
    /** The client confirmed receipt: nothing later overrides it. */
    ACKNOWLEDGED
}
