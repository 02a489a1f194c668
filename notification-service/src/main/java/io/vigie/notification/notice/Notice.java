package io.vigie.notification.notice;

import java.time.Instant;
import java.util.UUID;

/** One notice to one client: unique per (incident, client, stage, sequence); its id is the channels' idempotency key. */
public record Notice(UUID id, UUID incidentId, String clientId, Stage stage, int sequence, Category category,
                     Severity severity, boolean outOfBand, NoticeContent content, Instant createdAt) {

    /** The client's first notice about the incident: every later one answers it, so mail clients show one thread. */
    public UUID threadRootId() {
        return NoticeWriter.noticeId(incidentId, clientId, Stage.INITIAL, 1);
    }
}
