package io.vigie.triage.inventory;

import io.vigie.triage.alert.DataCategory;

import java.util.List;
import java.util.Locale;

/** An asset (host, database, device) or a service, the clients that own or use it, and the data it holds. */
public record InventoryItem(String name, Kind kind, Criticality criticality, List<String> clients,
                            List<DataCategory> dataCategories, String description) {

    public enum Kind { ASSET, SERVICE }

    public InventoryItem {
        clients = List.copyOf(clients);
        dataCategories = List.copyOf(dataCategories);
    }

    /** Alerts spell host names in any case. */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
