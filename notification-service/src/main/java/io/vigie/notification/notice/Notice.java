package io.vigie.notification.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice to one client: unique per (incident, client, stage, sequence); its id is the channels' idempotency key.
 * {@code heldUntil}: the client's review gate holds it for a communications user until then (null: not held).
 */
public record Notice(UUID id, UUID incidentId, String clientId, Stage stage, int sequence, Category category,
                     Severity severity, boolean outOfBand, NoticeContent content, Instant createdAt,
                     Instant heldUntil) {

    public Notice(UUID id, UUID incidentId, String clientId, Stage stage, int sequence, Category category,
                  Severity severity, boolean outOfBand, NoticeContent content, Instant createdAt) {
        this(id, incidentId, clientId, stage, sequence, category, severity, outOfBand, content, createdAt, null);
    }

    /** The client's first notice about the incident: every later one answers it, so mail clients show one thread. */
    public UUID threadRootId() {
        return NoticeWriter.noticeId(incidentId, clientId, Stage.INITIAL, 1);
    }
}
