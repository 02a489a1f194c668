package io.vigie.triage.policy;

import io.vigie.triage.alert.DataCategory;

import java.util.List;

public record AffectedClient(String clientId, List<String> assets, List<String> services,
                             List<DataCategory> dataCategories, boolean emailMayBeCompromised) {

    public AffectedClient {
        assets = List.copyOf(assets);
        services = List.copyOf(services);
        dataCategories = List.copyOf(dataCategories);
    }
}
