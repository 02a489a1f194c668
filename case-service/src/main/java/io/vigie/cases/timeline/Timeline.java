package io.vigie.cases.timeline;

import io.vigie.cases.timeline.internal.TimelineRows;
import io.vigie.cases.timeline.internal.TimelineRows.ChainEnd;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends to and reads incidents' timelines. Entries are only ever inserted. Callers append inside the transaction
 * that changes the case and hold the case's row lock, which serialises an incident's entries; the primary key
 * (incident, sequence) refuses a second writer that did not.
 */
@Component
public class Timeline {

    private static final ChainEnd GENESIS = new ChainEnd(0, HashChain.GENESIS);

    private final TimelineRows rows;
    private final Clock clock;

    public Timeline(TimelineRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Appends an entry at the end of the incident's chain; needs the caller's transaction. */
    public TimelineEntry append(UUID incidentId, Instant occurredAt, String actor, EntryType type, String content) {
        return appendAll(List.of(new NewEntry(incidentId, occurredAt, actor, type, content))).get(0);
    }

    /**
     * Appends the entries in order, each at the end of its incident's chain, in one read of the chains' ends and one
     * insert; needs the caller's transaction.
     */
    public List<TimelineEntry> appendAll(List<NewEntry> entries) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a timeline entry must commit with the case change it records");
        }
        Map<UUID, ChainEnd> ends = rows.ends(entries.stream().map(NewEntry::incidentId).distinct().toList());
        // Millisecond precision: what PostgreSQL and H2 both store exactly, so the hash reads back the same.
        Instant recorded = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<TimelineEntry> written = new ArrayList<>(entries.size());
        for (NewEntry entry : entries) {
            ChainEnd end = ends.getOrDefault(entry.incidentId(), GENESIS);
            long sequence = end.sequence() + 1;
            Instant occurred = entry.occurredAt().truncatedTo(ChronoUnit.MILLIS);
            UUID entryId = UUID.randomUUID();
            String hash = HashChain.hash(end.hash(), entry.incidentId(), sequence, entryId, occurred, recorded,
                    entry.actor(), entry.type(), entry.content());
            written.add(new TimelineEntry(entry.incidentId(), sequence, entryId, occurred, recorded, entry.actor(),
                    entry.type(), entry.content(), end.hash(), hash));
            ends.put(entry.incidentId(), new ChainEnd(sequence, hash));
        }
        rows.insert(written);
        return written;
    }

    /** An entry to append: the sequence number, the time it was recorded and the hashes are the timeline's to give. */
    public record NewEntry(UUID incidentId, Instant occurredAt, String actor, EntryType type, String content) {
    }

    public List<TimelineEntry> entries(UUID incidentId) {
        return rows.entries(incidentId);
    }

    public ChainVerification verify(UUID incidentId) {
        return HashChain.verify(incidentId, entries(incidentId));
    }
}
