package io.vigie.triage.inventory;

import java.util.List;

/**
 * What the inventory knows of the assets and services an alert names. {@code unknown} lists the names it does not
 * know; an alert naming none at all is unknown too, because nothing says whose operations it touches.
 */
public record InventoryMatch(List<InventoryItem> items, List<String> unknown, boolean unknownAsset) {

    public InventoryMatch {
        items = List.copyOf(items);
        unknown = List.copyOf(unknown);
    }

    public static InventoryMatch of(List<InventoryItem> items, List<String> unknown) {
        return new InventoryMatch(items, unknown, items.isEmpty() || !unknown.isEmpty());
    }
}
