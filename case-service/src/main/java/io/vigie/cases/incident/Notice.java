package io.vigie.cases.incident;

import java.util.UUID;

/**
 * One notice of the incident to one client, as notification-service numbers them: one per (client, stage, sequence),
 * delivered to each of the client's contacts on each of its channels.
 *
 * @param stage    INITIAL, UPDATE, RESOLUTION, FOLLOW_UP or REGULATOR
 * @param sequence orders the notices of one stage: the 3rd UPDATE has sequence 3
 */
public record Notice(UUID id, String clientId, String stage, int sequence) {

    /** "UPDATE 3": the stage and the sequence, as the pages and the timeline name a notice. */
    public String label() {
        return stage + " " + sequence;
    }
}
