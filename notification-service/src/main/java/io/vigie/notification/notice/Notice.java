package io.vigie.notification.notice;

import java.time.Instant;
import java.util.UUID;

/** One notice to one client: unique per (incident, client, stage, sequence); its id is the channels' idempotency key. */
public record Notice(UUID id, UUID incidentId, String clientId, Stage stage, int sequence, Category category,
                     Severity severity, boolean outOfBand, NoticeContent content, Instant createdAt) {
}
