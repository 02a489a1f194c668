package io.vigie.notification.notice;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A communications user answered a client's message (IncidentUpdated CLIENT_ANSWERED): the answer goes to one contact,
 * in their language only ({@code texts} by language).
 */
public record ClientAnswer(UUID eventId, UUID incidentId, UUID messageId, String clientId, String contactId,
                           Map<String, String> texts, String actor, Instant at) {

    public ClientAnswer {
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }
}
