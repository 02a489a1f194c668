package io.vigie.cases.incident;

import java.time.Instant;

/** One affected client and its latest notice outcome. */
public record ClientNotice(String clientId, NoticeStatus status, String lastStage, String lastChannel,
                           String lastError, Instant updatedAt) {
}
