package io.vigie.cases.incident;

import java.time.Instant;
import java.util.List;

/**
 * A client an alert of the incident names that neither the inventory nor the alert source's bindings say is
 * affected: it is not notified until someone confirms it.
 *
 * @param assets      what of the client's the alert names
 * @param suggestedAt when triage first suggested it
 */
public record SuggestedClient(String clientId, List<String> assets, List<String> services, Instant suggestedAt) {

    public SuggestedClient {
        assets = List.copyOf(assets);
        services = List.copyOf(services);
    }
}
