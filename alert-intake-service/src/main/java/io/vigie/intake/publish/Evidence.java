package io.vigie.intake.publish;

import io.vigie.intake.source.SourceType;

import java.time.Instant;
import java.util.Map;

/** A request as it arrived: what the runbooks call the timestamped record of the alert. */
public record Evidence(SourceType sourceType, String sourceName, Instant receivedAt, String remoteAddress,
                       Map<String, String> headers, byte[] body) {
}
