package io.vigie.triage.alert;

import java.util.List;
import java.util.Optional;

/**
 * Where an alert comes from, as its source said: the source and its own reference, its fingerprint, whether it says
 * the problem is over, and which clients it names or speaks for.
 *
 * @param clientHint   the client the alert (or its source's configuration) names: only a lead, see {@code boundClients}
 * @param boundClients the clients the source is registered to speak for; empty for a SOC-wide source
 */
public record AlertOrigin(
        SourceKind source,
        String sourceName,
        String sourceReference,
        String fingerprint,
        boolean resolvedBySource,
        String clientHint,
        List<String> boundClients) {

    public AlertOrigin {
        boundClients = List.copyOf(boundClients);
    }

    /** The client the alert names, trimmed; empty when it names none. */
    public Optional<String> namedClient() {
        return Optional.ofNullable(clientHint).map(String::strip).filter(name -> !name.isEmpty());
    }
}
