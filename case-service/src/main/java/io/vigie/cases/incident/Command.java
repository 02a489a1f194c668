package io.vigie.cases.incident;

/** What people do on a case here. */
public enum Command {
    NOTE, ACTION, ASSIGN, CHANGE_SEVERITY, CLIENT_UPDATE, CONFIRM_CLIENT, DISMISS_ATTRIBUTION, APPROVE_NOTICE, RESOLVE,
    ANSWER_CLIENT, LOG_CALL, ATTACH_CLIENT, DETACH_CLIENT;

    /** Answering a client and logging a call with one: the conversation outlives the incident's resolution. */
    boolean talksWithClient() {
        return this == ANSWER_CLIENT || this == LOG_CALL;
    }
}
