package io.vigie.triage.policy;

import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.inventory.InventoryItem;
import io.vigie.triage.inventory.InventoryMatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who an alert touches, and who may be told without a human deciding it (issue #17). A client is affected when the
 * inventory says so, or when the alert comes from a source bound to that client; any other client the alert leads
 * to is only suggested, for an analyst to confirm. So an authenticated source cannot make Vigie write to a client by
 * naming it:
 * <ul>
 *     <li>a source without bindings is SOC-wide: the inventory decides, and the client it names is a suggestion;</li>
 *     <li>a bound source speaks for its clients only: the client it names is affected when it is one of them, and an
 *     inventory client outside them is a suggestion too.</li>
 * </ul>
 * Each suggestion, and each client made affected by the source alone, is a line of the rationale.
 */
record ClientAttribution(List<AffectedClient> affected, List<AffectedClient> suggested, List<RuleFired> rationale) {

    static final String SUGGESTED = "suggested-client";
    static final String BOUND_SOURCE = "bound-source";

    static ClientAttribution of(Alert alert, InventoryMatch inventory, Set<DataCategory> data,
                                boolean emailMayBeCompromised) {
        Set<String> bound = new LinkedHashSet<>();
        alert.origin().boundClients().stream().map(String::strip).filter(id -> !id.isEmpty()).forEach(bound::add);
        Map<String, List<InventoryItem>> held = new LinkedHashMap<>();
        for (InventoryItem item : inventory.items()) {
            item.clients().forEach(client -> held.computeIfAbsent(client, c -> new ArrayList<>()).add(item));
        }
        Map<String, List<InventoryItem>> affected = new LinkedHashMap<>();
        Map<String, List<InventoryItem>> suggested = new LinkedHashMap<>();
        List<RuleFired> rationale = new ArrayList<>();
        held.forEach((client, items) -> {
            if (bound.isEmpty() || bound.contains(client)) {
                affected.put(client, items);
            } else {
                suggested.put(client, items);
                rationale.add(new RuleFired(SUGGESTED, "client " + client + " holds "
                        + String.join(", ", items.stream().map(InventoryItem::name).toList())
                        + " in the inventory, but source " + alert.origin().sourceName() + " is bound to "
                        + String.join(", ", bound) + " only and cannot speak for it; an analyst must confirm",
                        suggestion(client)));
            }
        });
        alert.origin().namedClient().filter(client -> !affected.containsKey(client)).ifPresent(client -> {
            if (bound.contains(client)) {
                affected.put(client, List.of());
                rationale.add(new RuleFired(BOUND_SOURCE, "client " + client + " named by source "
                        + alert.origin().sourceName() + ", which is bound to it", "affected client " + client));
            } else if (!suggested.containsKey(client)) {
                suggested.put(client, List.of());
                rationale.add(new RuleFired(SUGGESTED, "client " + client + " named by source "
                        + alert.origin().sourceName() + " which is not bound to it; an analyst must confirm", suggestion(client)));
            }
        });
        return new ClientAttribution(clients(affected, data, emailMayBeCompromised),
                clients(suggested, data, emailMayBeCompromised), rationale);
    }

    private static String suggestion(String client) {
        return "suggested client " + client + ", not notified until confirmed";
    }

    private static List<AffectedClient> clients(Map<String, List<InventoryItem>> byClient, Set<DataCategory> data,
                                                boolean emailMayBeCompromised) {
        List<AffectedClient> clients = new ArrayList<>();
        byClient.forEach((client, items) -> clients.add(new AffectedClient(client,
                items.stream().filter(i -> i.kind() == InventoryItem.Kind.ASSET).map(InventoryItem::name).toList(),
                items.stream().filter(i -> i.kind() == InventoryItem.Kind.SERVICE).map(InventoryItem::name).toList(),
                List.copyOf(data), emailMayBeCompromised)));
        return clients;
    }
}
