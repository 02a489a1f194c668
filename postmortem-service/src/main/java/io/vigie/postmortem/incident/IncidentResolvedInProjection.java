package io.vigie.postmortem.incident;

/** Published, inside the transaction that recorded it, when the projection learns an incident was resolved. */
public record IncidentResolvedInProjection(Incident incident) {
}
