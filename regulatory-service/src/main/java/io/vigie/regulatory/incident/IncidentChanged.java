package io.vigie.regulatory.incident;

/**
 * Published synchronously, inside the transaction that applied an event to the projection: the obligations it
 * triggers commit with the event's claim, or nothing does.
 */
public record IncidentChanged(Incident incident) {
}
