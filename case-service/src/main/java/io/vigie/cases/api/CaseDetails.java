package io.vigie.cases.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vigie.cases.incident.AttachedAlert;
import io.vigie.cases.incident.ClientNotice;
import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.incident.SuggestedClient;
import io.vigie.cases.sla.SlaClock;

import java.time.Instant;
import java.util.List;

/**
 * A case as the API shows it: the case, its clients' notice status, the clients it suggests, the languages to write
 * the clients' texts in, its alerts and its clocks.
 */
record CaseDetails(
        IncidentCase incident,
        List<ClientNotice> clients,
        @Schema(description = "Suggested clients — not notified until confirmed: the alerts name them, but neither the "
                + "inventory nor the source's bindings say they are affected. POST "
                + "/api/cases/{id}/clients/{clientId}/confirm to notify one.")
        List<SuggestedClient> suggestedClients,
        @Schema(description = "The languages to write the clients' texts (clientMessages) in: those the incident's "
                + "contacts were written to in, or every language (fr, en, de) while no notice reported one")
        List<String> clientTextLanguages,
        List<AttachedAlert> alerts,
        List<Clock> clocks) {

    /** A clock, with durations in seconds. */
    record Clock(String kind, String state, Instant start, Instant end, Instant deadline, long targetSeconds,
                 long elapsedSeconds, long remainingSeconds) {

        static Clock of(SlaClock clock) {
            return new Clock(clock.kind().name(), clock.state().name(), clock.start(), clock.end(), clock.deadline(),
                    clock.target().toSeconds(), clock.elapsed().toSeconds(), clock.remaining().toSeconds());
        }
    }
}
