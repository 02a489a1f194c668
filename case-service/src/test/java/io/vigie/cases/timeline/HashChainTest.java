package io.vigie.cases.timeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    private final UUID incident = UUID.randomUUID();
    private final Instant t0 = Instant.parse("2026-11-23T08:00:00.123Z");

    @Test
    void shouldAcceptAnUntouchedChain() {
        List<TimelineEntry> chain = chain("opened", "note", "resolved");

        ChainVerification verification = HashChain.verify(incident, chain);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(3);
        assertThat(verification.lastHash()).isEqualTo(chain.get(2).hash()).hasSize(64);
    }

    @Test
    void shouldNameTheEntryWhoseContentChanged() {
        List<TimelineEntry> chain = chain("opened", "note", "resolved");
        TimelineEntry edited = chain.get(1);
        chain.set(1, new TimelineEntry(edited.incidentId(), edited.sequence(), edited.entryId(), edited.occurredAt(),
                edited.recordedAt(), edited.actor(), edited.type(), "a different note", edited.previousHash(),
                edited.hash()));

        ChainVerification verification = HashChain.verify(incident, chain);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
        assertThat(verification.brokenEntryId()).isEqualTo(edited.entryId());
        assertThat(verification.describe()).contains("BROKEN at entry 2");
    }

    @Test
    void shouldNameTheEntryWhoseActorChanged() {
        List<TimelineEntry> chain = chain("opened", "note");
        TimelineEntry edited = chain.get(0);
        chain.set(0, new TimelineEntry(edited.incidentId(), edited.sequence(), edited.entryId(), edited.occurredAt(),
                edited.recordedAt(), "someone-else", edited.type(), edited.content(), edited.previousHash(),
                edited.hash()));

        assertThat(HashChain.verify(incident, chain).firstBroken()).isEqualTo(1);
    }

    @Test
    void shouldDetectARemovedEntry() {
        List<TimelineEntry> chain = chain("opened", "note", "resolved");
        chain.remove(1);

        ChainVerification verification = HashChain.verify(incident, chain);

        assertThat(verification.firstBroken()).isEqualTo(3);
        assertThat(verification.reason()).contains("entry 2 is missing");
    }

    @Test
    void shouldNotConfuseFieldBoundaries() {
        String a = HashChain.hash(HashChain.GENESIS, incident, 1, UUID.randomUUID(), t0, t0, "ab", EntryType.NOTE, "c");
        UUID entry = UUID.randomUUID();
        String one = HashChain.hash(HashChain.GENESIS, incident, 1, entry, t0, t0, "ab", EntryType.NOTE, "c");
        String two = HashChain.hash(HashChain.GENESIS, incident, 1, entry, t0, t0, "a", EntryType.NOTE, "bc");

        assertThat(one).isNotEqualTo(two).isNotEqualTo(a);
    }

    private List<TimelineEntry> chain(String... contents) {
        List<TimelineEntry> entries = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int i = 0; i < contents.length; i++) {
            UUID id = UUID.randomUUID();
            Instant at = t0.plusSeconds(i);
            String hash = HashChain.hash(previous, incident, i + 1, id, at, at, "analyst", EntryType.NOTE, contents[i]);
            entries.add(new TimelineEntry(incident, i + 1, id, at, at, "analyst", EntryType.NOTE, contents[i],
                    previous, hash));
            previous = hash;
        }
        return entries;
    }
}
