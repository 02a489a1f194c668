package io.vigie.cases.incident;

import java.util.UUID;

/** An alert as a SIEM raised it. */
public record RaisedAlert(EventOrigin origin, UUID alertId, Detection detection, String sourceName, String title,
                          String description, String asset) {

    /** Where it came from, as the timeline says it: "Splunk (SIEM, ref-123)". */
    String describeSource() {
        return sourceName + " (" + detection.source() + ", " + detection.sourceReference() + ")";
    }
}
