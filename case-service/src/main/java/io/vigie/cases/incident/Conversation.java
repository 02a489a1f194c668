package io.vigie.cases.incident;

import java.util.UUID;

/**
 * What an answer or a phone call tells notification-service and the other services' records: the client, the contact
 * the answer goes to (or who was on the phone, when known), the message answered and, for a written answer, its text
 * under the contact's language only.
 */
record Conversation(UUID answeredMessageId, String clientId, String contactId, ClientMessages messages) {
}
