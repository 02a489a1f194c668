package io.vigie.intake.alert;

import io.vigie.intake.source.SourceType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One alert, whatever tool raised it, normalised.
 *
 * @param sourceReference the tool's own id of the alert (Splunk sid, Alertmanager groupKey/fingerprint, …)
 * @param occurrence      what makes this delivery one occurrence: the source reference, plus for tools that re-send
 *                        the same reference for a new firing or its resolution, the start time and status
 * @param fingerprint     stable hash of what the alert is about, for de-duplication within a window and correlation
 * @param clientHint      the client the payload (else the source's configuration) says the alert is about
 * @param boundClients    the clients the source is registered to speak for (empty: a SOC-wide source)
 */
public record Alert(
        SourceType sourceType, String sourceName, String sourceReference, String occurrence, String fingerprint,
        boolean resolvedBySource, String title, String description, String sourceSeverity, SeverityHint severityHint,
        Instant detectedAt, String asset, String service, List<String> accounts, List<String> ipAddresses,
        List<Indicator> indicators, List<String> tags, List<Link> links, String clientHint,
        List<String> boundClients, Map<String, String> attributes) {

    public Alert {
        accounts = List.copyOf(accounts);
        ipAddresses = List.copyOf(ipAddresses);
        indicators = List.copyOf(indicators);
        tags = List.copyOf(tags);
        links = List.copyOf(links);
        boundClients = List.copyOf(boundClients);
        attributes = Map.copyOf(attributes);
    }

    /**
     * Derived, not random: a sender retrying after an answer it never got (a lost commit, a timeout) gets the same
     * id, so the archive row, the event and every consumer downstream see one alert.
     */
    public UUID alertId() {
        return UUID.nameUUIDFromBytes((sourceName + '\n' + occurrence).getBytes(StandardCharsets.UTF_8));
    }

    /** The event's id, derived from the alert's for the same reason: a re-sent event is recognised downstream. */
    public UUID eventId() {
        return UUID.nameUUIDFromBytes(("AlertRaised\n" + alertId()).getBytes(StandardCharsets.UTF_8));
    }
}
