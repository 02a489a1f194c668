package io.vigie.cases.incident;

import java.util.UUID;

public class CaseNotFoundException extends RuntimeException {

    private final UUID incidentId;

    CaseNotFoundException(UUID incidentId) {
        super("No incident " + incidentId);
        this.incidentId = incidentId;
    }

    public UUID incidentId() {
        return incidentId;
    }
}
