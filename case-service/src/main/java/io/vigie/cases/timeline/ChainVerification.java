package io.vigie.cases.timeline;

import java.util.UUID;

/**
 * The result of checking one incident's hash chain.
 *
 * @param entries       how many entries were checked
 * @param lastHash      the hash of the last entry when intact (what an auditor can write down to detect a truncation
 *                      later), null when broken
 * @param firstBroken   the sequence number of the first entry that does not hold, null when intact
 * @param brokenEntryId that entry's id, null when intact
 * @param reason        why it does not hold, null when intact
 */
public record ChainVerification(UUID incidentId, boolean intact, int entries, String lastHash, Long firstBroken,
                                UUID brokenEntryId, String reason) {

    static ChainVerification intact(UUID incidentId, int entries, String lastHash) {
        return new ChainVerification(incidentId, true, entries, lastHash, null, null, null);
    }

    static ChainVerification broken(UUID incidentId, int entries, TimelineEntry entry, String reason) {
        return new ChainVerification(incidentId, false, entries, null, entry.sequence(), entry.entryId(), reason);
    }

    /** One line for a person: what the command-line check prints. */
    public String describe() {
        return intact
                ? "incident " + incidentId + ": intact, " + entries + " entries, last hash " + lastHash
                : "incident " + incidentId + ": BROKEN at entry " + firstBroken + " (" + brokenEntryId + "): " + reason;
    }
}
