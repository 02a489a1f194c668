package io.vigie.notification.notice;

import java.util.List;

/**
 * A client touched by an incident: its services and assets concerned (from the inventory), its data concerned, and
 * whether its email may be in an attacker's hands.
 */
public record AffectedClient(String clientId, List<String> services, List<String> assets, boolean personalData,
                             boolean emailMayBeCompromised, List<String> dataCategories) {

    public AffectedClient {
        services = services == null ? List.of() : List.copyOf(services);
        assets = assets == null ? List.of() : List.copyOf(assets);
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
    }

    public static AffectedClient unknown(String clientId, boolean personalData) {
        return new AffectedClient(clientId, List.of(), List.of(), personalData, false, List.of());
    }
}
