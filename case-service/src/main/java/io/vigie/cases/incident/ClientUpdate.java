package io.vigie.cases.incident;

import java.time.Instant;
import java.util.List;

/** What the clients are told in an update notice. */
public record ClientUpdate(String message, List<String> measuresTaken, String resolutionPlan,
                           Instant estimatedResolutionAt) {

    public ClientUpdate {
        measuresTaken = measuresTaken == null ? List.of() : List.copyOf(measuresTaken);
    }
}
