package io.vigie.triage.inventory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.triage.directory.KnownClients;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * {@code vigie.triage.inventory.unknown.clients}: how many distinct client ids the inventory binds assets to that
 * notification-service's directory does not hold. Above zero, some affected client would not be notified; worth an
 * alert once the directory had time to be published.
 */
@Component
class InventoryMeters {

    InventoryMeters(Inventory inventory, KnownClients knownClients, MeterRegistry meters) {
        Gauge.builder("vigie.triage.inventory.unknown.clients", () -> {
                    Set<String> known = knownClients.ids();
                    return inventory.all().stream().flatMap(item -> item.clients().stream())
                            .filter(client -> !known.contains(client)).distinct().count();
                })
                .description("Client ids the inventory binds assets to that the client directory does not hold")
                .register(meters);
    }
}
