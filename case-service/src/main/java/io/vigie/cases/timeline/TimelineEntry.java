package io.vigie.cases.timeline;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an incident's timeline, as stored.
 *
 * @param occurredAt when the thing happened (the event's time, or the command's)
 * @param recordedAt when case-service wrote it down
 * @param actor      a person's login name, or the service that published the event
 */
public record TimelineEntry(UUID incidentId, long sequence, UUID entryId, Instant occurredAt, Instant recordedAt,
                            String actor, EntryType type, String content, String previousHash, String hash) {
}
