package io.vigie.triage.inventory;

import io.vigie.triage.alert.DataCategory;

import java.util.List;
import java.util.Set;

/**
 * An inventory entry as the API shows it: the entry, and the clients it is bound to that notification-service's
 * directory does not hold ({@code unknownClients}): a mistyped id, or a client not created (or removed) there.
 * Such an entry is kept, not refused: the directory's events may lag the inventory, at startup above all.
 */
record InventoryView(String name, InventoryItem.Kind kind, Criticality criticality, List<String> clients,
                     List<DataCategory> dataCategories, String description, List<String> unknownClients) {

    static InventoryView of(InventoryItem item, Set<String> knownClients) {
        return new InventoryView(item.name(), item.kind(), item.criticality(), item.clients(), item.dataCategories(),
                item.description(), unknownClients(item, knownClients));
    }

    static List<String> unknownClients(InventoryItem item, Set<String> knownClients) {
        return item.clients().stream().filter(client -> !knownClients.contains(client)).toList();
    }

    /** What a change answer warns about: one sentence per entry bound to clients the directory does not hold. */
    static List<String> warnings(List<InventoryView> views) {
        return views.stream().filter(view -> !view.unknownClients().isEmpty())
                .map(view -> view.name() + " is bound to client(s) not in the client directory: "
                        + String.join(", ", view.unknownClients())
                        + " (kept; check the ids, or create the clients in notification-service)")
                .toList();
    }
}
