package io.vigie.notification.replies;

/** Why a mail from the replies mailbox was not put on a case by itself; a human decides instead. */
public enum QuarantineReason {
    /** No replies+key address among the recipients: written to the mailbox directly, or the key was dropped. */
    NO_KEY,
    /** A key that was never handed out: altered, guessed, or from another installation. */
    UNKNOWN_KEY,
    /** Keys of different incidents or contacts in one mail: which case it belongs to would be a guess. */
    SEVERAL_KEYS,
    /** The sender is not the contact the key was made for (another contact, another client, or a forged From). */
    SENDER_MISMATCH,
    /** Nothing is left once quoted text and signature are removed. */
    EMPTY,
    /** Written by a machine: an out-of-office or other automatic reply, or a bounce. */
    AUTO_REPLY,
    /** The mail cannot be parsed; its original is kept. */
    UNREADABLE
}
