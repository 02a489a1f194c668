package io.vigie.regulatory.obligation;

import io.vigie.regulatory.incident.Incident;
import io.vigie.regulatory.incident.Severity;

import java.time.Duration;
import java.time.Instant;

/**
 * One documented criterion for NIS2 significance or DORA "major": every condition it sets must hold; an unset one is
 * no condition. Data in {@code regulatory.yml}, so the SOC's reading of the law is reviewed as configuration, not
 * code.
 *
 * @param unresolvedFor the incident is still unresolved this long after its first classification (re-evaluated by
 *                      the clock, since no event says "still unresolved")
 */
public record Criterion(String name, Severity severityAtLeast, Boolean personalData, Integer clientsAtLeast,
                        Integer servicesAtLeast, Duration unresolvedFor) {

    public boolean holds(Incident incident, boolean personalDataOfClient, Instant now) {
        return (severityAtLeast == null || incident.classification().severity().atLeast(severityAtLeast))
                && (personalData == null || personalData == personalDataOfClient)
                && (clientsAtLeast == null || incident.clients().size() >= clientsAtLeast)
                && (servicesAtLeast == null || incident.serviceCount() >= servicesAtLeast)
                && (unresolvedFor == null || !incident.resolved()
                        && !now.isBefore(incident.firstClassifiedAt().plus(unresolvedFor)));
    }
}
