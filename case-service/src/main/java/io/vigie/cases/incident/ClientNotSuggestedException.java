package io.vigie.cases.incident;

import java.util.UUID;

/** A confirmation of a client that the incident does not suggest: the API answers 404 naming the client. */
public class ClientNotSuggestedException extends RuntimeException {

    private final UUID incidentId;
    private final String clientId;

    ClientNotSuggestedException(UUID incidentId, String clientId) {
        super(clientId + " is not a suggested client of incident " + incidentId);
        this.incidentId = incidentId;
        this.clientId = clientId;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String clientId() {
        return clientId;
    }
}
