package io.vigie.notification.notice;

/** Published in the transaction that created notices; the delivery worker wakes up once that transaction committed. */
public record NoticesPlanned(int count) {
}
