package io.vigie.notification.notice;

import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.internal.NoticeWriter;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice to one client: unique per (incident, client, stage, sequence); its id is the channels' idempotency key.
 * {@code heldUntil}: the client's review gate holds it for a communications user until then (null: not held).
 */
public record Notice(UUID id, UUID incidentId, String clientId, Stage stage, int sequence, boolean outOfBand,
                     NoticeContent content, Instant createdAt, Instant heldUntil) {

    public Notice(UUID id, UUID incidentId, String clientId, Stage stage, int sequence, boolean outOfBand,
                  NoticeContent content, Instant createdAt) {
        this(id, incidentId, clientId, stage, sequence, outOfBand, content, createdAt, null);
    }

    /** The incident's category when the notice was written (its {@code notice.category} column too). */
    public Category category() {
        return content.facts().category();
    }

    /** The incident's severity when the notice was written (its {@code notice.severity} column too). */
    public Severity severity() {
        return content.facts().severity();
    }

    /** The client's first notice about the incident: every later one answers it, so mail clients show one thread. */
    public UUID threadRootId() {
        return NoticeWriter.noticeId(incidentId, clientId, Stage.INITIAL, 1);
    }
}
