package io.vigie.cases.incident;

import java.time.Instant;
import java.util.List;

/**
 * What the clients are told in an update notice.
 *
 * @param messages     the text for the clients, per language
 * @param measures     the measures taken, as codes notification-service words in each contact's language
 * @param measureNotes measures in free text, from the older form of the API: kept on the internal record only, since
 *                     a client reads nothing that is not in their language
 */
public record ClientUpdate(ClientMessages messages, List<Measure> measures, List<String> measureNotes,
                           String resolutionPlan, Instant estimatedResolutionAt) {

    public ClientUpdate {
        messages = messages == null ? ClientMessages.none() : messages;
        measures = measures == null ? List.of() : List.copyOf(measures);
        measureNotes = measureNotes == null ? List.of() : List.copyOf(measureNotes);
        resolutionPlan = resolutionPlan == null || resolutionPlan.isBlank() ? null : resolutionPlan.strip();
    }
}
