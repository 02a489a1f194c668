package io.vigie.intake.alert;

import io.vigie.intake.source.SourceType;

import java.util.List;

/**
 * Where an alert comes from: the source that sent it, the tool's own reference, what makes this delivery one
 * occurrence, and which clients the source names or speaks for.
 *
 * @param sourceReference the tool's own id of the alert (Splunk sid, Alertmanager groupKey/fingerprint, …)
 * @param occurrence      what makes this delivery one occurrence: the source reference, plus for tools that re-send
 *                        the same reference for a new firing or its resolution, the start time and status
 * @param fingerprint     stable hash of what the alert is about, for de-duplication within a window and correlation
 * @param clientHint      the client the payload (else the source's configuration) says the alert is about
 * @param boundClients    the clients the source is registered to speak for (empty: a SOC-wide source)
 */
public record AlertOrigin(
        SourceType sourceType,
        String sourceName,
        String sourceReference,
        String occurrence,
        String fingerprint,
        boolean resolvedBySource,
        String clientHint,
        List<String> boundClients) {

    public AlertOrigin {
        boundClients = List.copyOf(boundClients);
    }
}
