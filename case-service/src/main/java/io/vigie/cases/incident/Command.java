package io.vigie.cases.incident;

/** What people do on a case here. */
public enum Command {
    NOTE, ACTION, ASSIGN, CHANGE_SEVERITY, CLIENT_UPDATE, CONFIRM_CLIENT, APPROVE_NOTICE, RESOLVE
}
