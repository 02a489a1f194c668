package io.vigie.cases.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * A phone call with a client, as the person who took or made it logs it.
 *
 * @param contact          who was on the phone, in the caller's words ("Jane Doe, CISO")
 * @param at               when; null for now
 * @param summary          what was said, for the internal record
 * @param answersMessageId the client message the call answered, if it did
 */
public record PhoneCall(String clientId, String contact, Instant at, String summary, UUID answersMessageId) {
}
