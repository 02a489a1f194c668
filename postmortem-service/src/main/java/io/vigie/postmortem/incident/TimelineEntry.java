package io.vigie.postmortem.incident;

import java.time.Instant;

/** One thing that happened during the incident, as the report's timeline shows it. */
public record TimelineEntry(Instant at, String kind, String actor, String description) {
}
