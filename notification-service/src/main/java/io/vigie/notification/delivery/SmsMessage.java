package io.vigie.notification.delivery;

/**
 * A text for a phone: an SMS, or a voice call reading it out ({@code voice}). The idempotency key lets the provider
 * drop a resend of the same message.
 */
public record SmsMessage(String to, String text, String idempotencyKey, boolean voice) {
}
