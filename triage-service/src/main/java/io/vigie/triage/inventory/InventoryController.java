package io.vigie.triage.inventory;

import io.vigie.platform.web.problem.NotFoundException;
import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.directory.KnownClients;
import io.vigie.triage.web.InputError;
import io.vigie.triage.web.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads for every Vigie role (the platform's catch-all rule); changes for MANAGER only. Each entry shows the clients
 * it is bound to that notification-service's directory does not hold; a change binding one is kept, with a warning.
 */
@RestController
@RequestMapping("/api/inventory")
class InventoryController {

    record ItemRequest(String kind, String criticality, List<String> clients, List<String> dataCategories,
                       String description) {
    }

    /**
     * An import's answer; {@code unknownClients} the clients its entries are bound to that the directory does not
     * hold, each warned about.
     */
    record ImportResult(int imported, int total, List<String> unknownClients, List<String> warnings) {
    }

    /** A saved entry, with a warning when it is bound to clients the directory does not hold. */
    record SavedItem(String name, InventoryItem.Kind kind, Criticality criticality, List<String> clients,
                     List<DataCategory> dataCategories, String description, List<String> unknownClients,
                     List<String> warnings) {

        static SavedItem of(InventoryView view) {
            return new SavedItem(view.name(), view.kind(), view.criticality(), view.clients(), view.dataCategories(),
                    view.description(), view.unknownClients(), InventoryView.warnings(List.of(view)));
        }
    }

    private final Inventory inventory;
    private final InventoryAdministration administration;
    private final KnownClients knownClients;

    InventoryController(Inventory inventory, InventoryAdministration administration, KnownClients knownClients) {
        this.inventory = inventory;
        this.administration = administration;
        this.knownClients = knownClients;
    }

    /** {@code unknownClients=true}: only the entries bound to a client the directory does not hold. */
    @GetMapping
    List<InventoryView> all(@RequestParam(required = false) Boolean unknownClients) {
        Set<String> known = knownClients.ids();
        return inventory.all().stream().map(item -> InventoryView.of(item, known))
                .filter(view -> unknownClients == null || unknownClients == !view.unknownClients().isEmpty())
                .toList();
    }

    @GetMapping("/{name}")
    InventoryView one(@PathVariable String name) {
        return inventory.find(name).map(item -> InventoryView.of(item, knownClients.ids()))
                .orElseThrow(() -> new NotFoundException("No asset or service named " + name));
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('MANAGER')")
    SavedItem put(@PathVariable String name, @RequestBody ItemRequest request) {
        List<InputError> errors = new ArrayList<>();
        InventoryItem item = InventoryDocuments.item(0, name, request.kind(), request.criticality(),
                request.clients() == null ? List.of() : request.clients(),
                request.dataCategories() == null ? List.of() : request.dataCategories(), request.description(), errors)
                .orElseThrow(() -> new InvalidInputException("The inventory entry was refused", errors));
        administration.save(item);
        return SavedItem.of(InventoryView.of(item, knownClients.ids()));
    }

    @DeleteMapping("/{name}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Void> delete(@PathVariable String name) {
        if (!administration.delete(name)) {
            throw new NotFoundException("No asset or service named " + name);
        }
        return ResponseEntity.noContent().build();
    }

    /** {@code text/csv} or YAML; {@code mode=replace} makes the import the whole inventory, {@code merge} adds to it. */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/yaml", "application/x-yaml", "text/yaml"})
    @PreAuthorize("hasRole('MANAGER')")
    ImportResult importItems(@RequestBody String document, @RequestHeader("Content-Type") String contentType,
                             @RequestParam(defaultValue = "merge") String mode) {
        if (!mode.equals("merge") && !mode.equals("replace")) {
            throw new InvalidInputException("Unknown import mode", new InputError(0, "mode", "mode is merge or replace, not " + mode));
        }
        List<InventoryItem> items = contentType.startsWith("text/csv")
                ? InventoryDocuments.fromCsv(document) : InventoryDocuments.fromYaml(document);
        administration.importItems(items, mode.equals("replace"));
        Set<String> known = knownClients.ids();
        List<InventoryView> views = items.stream().map(item -> InventoryView.of(item, known)).toList();
        return new ImportResult(items.size(), inventory.size(), views.stream()
                .flatMap(view -> view.unknownClients().stream()).distinct().sorted().toList(),
                InventoryView.warnings(views));
    }
}
