package io.vigie.cases.incident;

import java.util.UUID;

/** A command the case's state does not allow: the API answers 409 with the reason. */
public class InvalidTransitionException extends RuntimeException {

    private final UUID incidentId;
    private final CaseStatus status;
    private final Command command;

    InvalidTransitionException(UUID incidentId, CaseStatus status, Command command, String reason) {
        super(reason);
        this.incidentId = incidentId;
        this.status = status;
        this.command = command;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public CaseStatus status() {
        return status;
    }

    public Command command() {
        return command;
    }
}
