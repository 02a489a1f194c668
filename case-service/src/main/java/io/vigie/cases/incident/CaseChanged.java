package io.vigie.cases.incident;

import java.util.UUID;

/** Published (in-process) after a transaction that changed a case committed: the live board redraws. */
public record CaseChanged(UUID incidentId) {
}
