package io.vigie.triage.inventory;

import io.vigie.triage.web.InputError;
import io.vigie.triage.web.InvalidInputException;
import io.vigie.triage.web.NotFoundException;
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

/** Reads for every Vigie role (the platform's catch-all rule); changes for MANAGER only. */
@RestController
@RequestMapping("/api/inventory")
class InventoryController {

    record ItemRequest(String kind, String criticality, List<String> clients, List<String> dataCategories,
                       String description) {
    }

    record ImportResult(int imported, int total) {
    }

    private final Inventory inventory;
    private final InventoryAdministration administration;

    InventoryController(Inventory inventory, InventoryAdministration administration) {
        this.inventory = inventory;
        this.administration = administration;
    }

    @GetMapping
    List<InventoryItem> all() {
        return inventory.all();
    }

    @GetMapping("/{name}")
    InventoryItem one(@PathVariable String name) {
        return inventory.find(name).orElseThrow(() -> new NotFoundException("No asset or service named " + name));
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('MANAGER')")
    InventoryItem put(@PathVariable String name, @RequestBody ItemRequest request) {
        List<InputError> errors = new ArrayList<>();
        InventoryItem item = InventoryDocuments.item(0, name, request.kind(), request.criticality(),
                request.clients() == null ? List.of() : request.clients(),
                request.dataCategories() == null ? List.of() : request.dataCategories(), request.description(), errors)
                .orElseThrow(() -> new InvalidInputException("The inventory entry was refused", errors));
        administration.save(item);
        return item;
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
        return new ImportResult(items.size(), inventory.size());
    }
}
