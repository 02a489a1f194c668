package io.vigie.triage.inventory;

import io.vigie.triage.document.AfterCommit;
import io.vigie.triage.inventory.internal.InventoryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

@Service
class InventoryAdministration {

    private final InventoryRepository repository;
    private final Inventory inventory;
    private final Clock clock;

    InventoryAdministration(InventoryRepository repository, Inventory inventory) {
        this.repository = repository;
        this.inventory = inventory;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    void save(InventoryItem item) {
        repository.save(item, clock.instant());
        AfterCommit.run(inventory::reload);
    }

    @Transactional
    boolean delete(String name) {
        boolean deleted = repository.delete(name);
        AfterCommit.run(inventory::reload);
        return deleted;
    }

    /** Adds or updates every item; with {@code replace} the items not in the import are removed. All or nothing. */
    @Transactional
    void importItems(List<InventoryItem> items, boolean replace) {
        if (replace) {
            repository.deleteAll();
        }
        items.forEach(item -> repository.save(item, clock.instant()));
        AfterCommit.run(inventory::reload);
    }
}
