package io.vigie.cases.incident;

import java.util.UUID;

/** A client message the incident did not receive: the API answers 404 naming it. */
public class MessageNotFoundException extends RuntimeException {

    private final UUID incidentId;
    private final UUID messageId;

    MessageNotFoundException(UUID incidentId, UUID messageId) {
        super("No client message " + messageId + " on incident " + incidentId);
        this.incidentId = incidentId;
        this.messageId = messageId;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public UUID messageId() {
        return messageId;
    }
}
