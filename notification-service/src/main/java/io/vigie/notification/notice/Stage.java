package io.vigie.notification.notice;

/** Where a notice stands in the communication plan. */
public enum Stage {
    /** On classification. */
    INITIAL,
    /** After each major step, and on the follow-up schedule while the incident is unresolved. */
    UPDATE,
    /** On resolution: what was done, whether data was compromised. */
    RESOLUTION,
    /** After closure: lessons, improvements and the satisfaction survey. */
    FOLLOW_UP,
    /** To one contact: the answer to a question they asked, written by a communications user. */
    ANSWER
}
