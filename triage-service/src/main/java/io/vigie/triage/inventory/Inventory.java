package io.vigie.triage.inventory;

import io.vigie.triage.alert.Alert;
import io.vigie.triage.document.Fingerprint;
import io.vigie.triage.inventory.internal.InventoryRepository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inventory, held in memory: classification looks assets up on every alert and must not wait for the database.
 * The whole map is swapped after each committed change, so a reader never sees half an import.
 */
@Component
public class Inventory {

    private final InventoryRepository repository;
    private volatile Map<String, InventoryItem> items;
    private volatile String fingerprint;

    Inventory(InventoryRepository repository) {
        this.repository = repository;
        reload();
    }

    public InventoryMatch match(Alert alert) {
        Map<String, InventoryItem> snapshot = items;
        List<InventoryItem> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Optional<String> name : List.of(alert.affected().assetName(), alert.affected().serviceName())) {
            name.ifPresent(value -> {
                InventoryItem item = snapshot.get(InventoryItem.key(value));
                if (item != null) {
                    found.add(item);
                } else {
                    unknown.add(value);
                }
            });
        }
        return InventoryMatch.of(found, unknown);
    }

    public Optional<InventoryItem> find(String name) {
        return Optional.ofNullable(items.get(InventoryItem.key(name)));
    }

    public List<InventoryItem> all() {
        return items.values().stream().sorted(Comparator.comparing(InventoryItem::name)).toList();
    }

    public int size() {
        return items.size();
    }

    /** Reloads when another instance changed the table; cheap when nothing changed. */
    void refreshIfChanged() {
        if (Fingerprint.changed(fingerprint, repository.fingerprint())) {
            reload();
        }
    }

    void reload() {
        // taken before reading, so a change committed meanwhile is seen by the next refresh
        fingerprint = repository.fingerprint();
        items = repository.findAll().stream()
                .collect(Collectors.toUnmodifiableMap(item -> InventoryItem.key(item.name()), Function.identity(),
                        (a, b) -> b));
    }
}
