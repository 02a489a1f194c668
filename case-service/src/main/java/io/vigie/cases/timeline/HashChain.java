package io.vigie.cases.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The tamper evidence of a timeline: each entry's hash covers the previous entry's hash and the entry's own
 * canonical content, so changing, removing or reordering any entry breaks every hash from it on.
 */
public final class HashChain {

    /** The "previous hash" of an incident's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    static String hash(String previousHash, UUID incidentId, long sequence, UUID entryId, Instant occurredAt,
                       Instant recordedAt, String actor, EntryType type, String content) {
        StringBuilder canonical = new StringBuilder(256 + content.length());
        // Every field is length-prefixed, so no choice of content can make two different entries read the same.
        field(canonical, "previous", previousHash);
        field(canonical, "incident", incidentId.toString());
        field(canonical, "sequence", Long.toString(sequence));
        field(canonical, "entry", entryId.toString());
        field(canonical, "occurredAt", occurredAt.toString());
        field(canonical, "recordedAt", recordedAt.toString());
        field(canonical, "actor", actor);
        field(canonical, "type", type.name());
        field(canonical, "content", content);
        return sha256(canonical.toString());
    }

    static String hashOf(TimelineEntry entry, String previousHash) {
        return hash(previousHash, entry.incidentId(), entry.sequence(), entry.entryId(), entry.occurredAt(),
                entry.recordedAt(), entry.actor(), entry.type(), entry.content());
    }

    /** Checks an incident's entries, in sequence order, and names the first one that does not hold. */
    public static ChainVerification verify(UUID incidentId, List<TimelineEntry> entries) {
        String previous = GENESIS;
        long expectedSequence = 1;
        for (TimelineEntry entry : entries) {
            if (entry.sequence() != expectedSequence) {
                return ChainVerification.broken(incidentId, entries.size(), entry,
                        "entry " + expectedSequence + " is missing: the next stored entry is " + entry.sequence());
            }
            if (!entry.previousHash().equals(previous)) {
                return ChainVerification.broken(incidentId, entries.size(), entry,
                        "its previous hash does not match the hash of the entry before it");
            }
            if (!hashOf(entry, previous).equals(entry.hash())) {
                return ChainVerification.broken(incidentId, entries.size(), entry,
                        "its content does not match its hash: the entry was changed after it was written");
            }
            previous = entry.hash();
            expectedSequence++;
        }
        return ChainVerification.intact(incidentId, entries.size(), previous);
    }

    private static void field(StringBuilder canonical, String name, String value) {
        canonical.append(name).append('=').append(value.length()).append(':').append(value).append('\n');
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
