package io.vigie.notification.notice;

import java.util.List;

/** A client touched by an incident: what of theirs is touched, and whether its email may be in an attacker's hands. */
public record AffectedClient(String clientId, List<String> services, List<String> assets, boolean personalData,
                             boolean emailMayBeCompromised) {

    public AffectedClient {
        services = services == null ? List.of() : List.copyOf(services);
        assets = assets == null ? List.of() : List.copyOf(assets);
    }
}
