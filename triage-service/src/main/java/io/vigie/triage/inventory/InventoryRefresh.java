package io.vigie.triage.inventory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Several instances share one database: each takes up the others' inventory changes within the refresh interval. */
@Component
class InventoryRefresh {

    private final Inventory inventory;

    InventoryRefresh(Inventory inventory) {
        this.inventory = inventory;
    }

    @Scheduled(fixedDelayString = "${vigie.triage.refresh-interval:30s}", initialDelayString = "${vigie.triage.refresh-interval:30s}")
    void refresh() {
        inventory.refreshIfChanged();
    }
}
