package io.vigie.notification.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * A phone call with a client, logged in case-service (IncidentUpdated CLIENT_CALL). Internal: nothing is sent. When it
 * answered a message ({@code messageId}), that message is answered by phone.
 */
public record ClientCall(UUID eventId, UUID incidentId, UUID messageId, String clientId, String contactId,
                         String summary, String actor, Instant at) {
}
